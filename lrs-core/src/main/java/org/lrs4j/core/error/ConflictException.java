package org.lrs4j.core.error;

/**
 * The request conflicts with data already stored, such as a statement id reused with other content.
 */
public class ConflictException extends LrsException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
