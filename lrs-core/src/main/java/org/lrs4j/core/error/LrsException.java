package org.lrs4j.core.error;

/**
 * Base of every failure the LRS reports to a client. Each subclass stands for one kind of outcome;
 * only the HTTP adapter maps them to status codes.
 */
public abstract class LrsException extends RuntimeException {

  protected LrsException(String message) {
    super(message);
  }

  protected LrsException(String message, Throwable cause) {
    super(message, cause);
  }
}
