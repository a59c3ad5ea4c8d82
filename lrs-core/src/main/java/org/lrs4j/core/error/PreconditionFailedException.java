package org.lrs4j.core.error;

/**
 * A precondition the client sent (for example an `If-Match` header) does not hold, so nothing
 * changed.
 */
public class PreconditionFailedException extends LrsException {

  public PreconditionFailedException(String message) {
    super(message);
  }

  public PreconditionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
