package org.lrs4j.core.error;

import java.time.Duration;
import java.util.Objects;

/** The caller made too many failed attempts and must wait before trying again. */
public class TooManyRequestsException extends LrsException {

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what was limited and why
   * @param retryAfter how long the caller should wait
   */
  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** Returns how long the caller should wait before the next attempt. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
