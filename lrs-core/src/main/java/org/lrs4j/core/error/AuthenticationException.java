package org.lrs4j.core.error;

/** The request carries no credentials, or credentials that are not valid. */
public class AuthenticationException extends LrsException {

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
