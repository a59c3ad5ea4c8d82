package org.lrs4j.auth.admin;

import java.util.Locale;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * The strength rule for admin passwords. A password must:
 *
 * <ul>
 *   <li>have at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters (counted as
 *       Unicode code points), so that a long pass phrase works and a huge body cannot tie up the
 *       hasher;
 *   <li>contain at least {@value #MIN_DISTINCT} different characters, which rejects {@code
 *       aaaaaaaaaaaa} and {@code 121212121212};
 *   <li>not contain the user name, ignoring case.
 * </ul>
 *
 * <p>Length matters more than character classes (NIST SP 800-63B, section 5.1.1), so the rule asks
 * for no digits or symbols.
 */
public final class PasswordPolicy {

  /** Minimum number of characters. */
  public static final int MIN_LENGTH = 12;

  /** Maximum number of characters. */
  public static final int MAX_LENGTH = 256;

  /** Minimum number of different characters. */
  public static final int MIN_DISTINCT = 5;

  private PasswordPolicy() {}

  /**
   * Checks a new password.
   *
   * @throws InvalidRequestException naming the rule that the password breaks; the message never
   *     contains the password
   */
  public static void check(String username, String password) {
    if (password == null) {
      throw new InvalidRequestException("password: missing; a password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidRequestException(
          "password: has "
              + length
              + " characters; it must have "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH);
    }
    long distinct = password.codePoints().distinct().count();
    if (distinct < MIN_DISTINCT) {
      throw new InvalidRequestException(
          "password: has " + distinct + " different characters; it needs at least " + MIN_DISTINCT);
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidRequestException("password: must not contain the user name " + username);
    }
  }
}
