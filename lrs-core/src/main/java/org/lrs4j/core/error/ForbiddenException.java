package org.lrs4j.core.error;

/** The credentials are valid but lack the scope the request needs. */
public class ForbiddenException extends LrsException {

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
