package org.lrs4j.core.error;

/** The request body is larger than the configured limit. */
public class PayloadTooLargeException extends LrsException {

  public PayloadTooLargeException(String message) {
    super(message);
  }

  public PayloadTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
