package org.lrs4j.auth.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.lrs4j.core.error.TooManyRequestsException;
import org.lrs4j.core.port.AdminSessionRepository;

/**
 * Limits failed admin logins per account and per client address. Thread safe.
 *
 * <p>Failures are counted in the database over a sliding window, so every server that shares the
 * database applies one limit. When an account has {@code maxPerAccount} failures in the window, or
 * an address has {@code maxPerAddress}, further attempts are rejected until the window has passed,
 * even with the right password. A successful login clears the account's and the address's count.
 */
public final class LoginThrottle {

  private final AdminSessionRepository sessions;
  private final Clock clock;
  private final Duration window;
  private final int maxPerAccount;
  private final int maxPerAddress;

  /**
   * Creates a throttle.
   *
   * @param window how far back failures count
   * @param maxPerAccount failures of one account name within the window that block it
   * @param maxPerAddress failures from one address within the window that block it
   */
  public LoginThrottle(
      AdminSessionRepository sessions,
      Clock clock,
      Duration window,
      int maxPerAccount,
      int maxPerAddress) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
  }

  /** Returns a throttle of 5 failures per account and 20 per address in 15 minutes. */
  public static LoginThrottle standard(AdminSessionRepository sessions, Clock clock) {
    return new LoginThrottle(sessions, clock, Duration.ofMinutes(15), 5, 20);
  }

  /**
   * Checks that a login may be attempted.
   *
   * @throws TooManyRequestsException when the account or the address is blocked
   */
  public void check(String username, String address) {
    Instant since = clock.instant().minus(window);
    if (sessions.countFailedLogins(accountSubject(username), since) >= maxPerAccount) {
      throw new TooManyRequestsException(
          "login: too many failed attempts for user "
              + username
              + "; try again in "
              + window.toMinutes()
              + " minutes",
          window);
    }
    if (sessions.countFailedLogins(addressSubject(address), since) >= maxPerAddress) {
      throw new TooManyRequestsException(
          "login: too many failed attempts from address "
              + address
              + "; try again in "
              + window.toMinutes()
              + " minutes",
          window);
    }
  }

  /** Records a failed attempt against the account and the address. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    sessions.recordFailedLogin(accountSubject(username), now);
    sessions.recordFailedLogin(addressSubject(address), now);
    sessions.purgeFailedLoginsBefore(now.minus(window));
  }

  /** Clears the counts of the account and the address after a successful login. */
  public void succeeded(String username, String address) {
    sessions.clearFailedLogins(accountSubject(username));
    sessions.clearFailedLogins(addressSubject(address));
  }

  private static String accountSubject(String username) {
    return "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressSubject(String address) {
    return "ip:" + address;
  }
}
