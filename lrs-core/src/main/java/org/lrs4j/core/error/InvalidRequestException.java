package org.lrs4j.core.error;

/** The request is malformed or breaks a rule of the xAPI specification. */
public class InvalidRequestException extends LrsException {

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
