package org.lrs4j.core.error;

/** The requested statement, document or resource does not exist. */
public class NotFoundException extends LrsException {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
