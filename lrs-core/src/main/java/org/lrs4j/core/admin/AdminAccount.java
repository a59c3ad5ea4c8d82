package org.lrs4j.core.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who administers the LRS through the admin API, the console or the CLI. The password
 * itself is never kept: only its hash.
 *
 * @param username the login name: 1 to 64 characters of letters, digits, {@code . _ @ -}
 * @param passwordHash hash of the password, in the format of the hasher that made it
 * @param createdAt when the account was made
 */
public record AdminAccount(String username, String passwordHash, Instant createdAt) {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  public AdminAccount {
    requireValidUsername(username);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Checks the form of a user name.
   *
   * @throws IllegalArgumentException naming the value and the rule when the name is invalid
   */
  public static String requireValidUsername(String username) {
    Objects.requireNonNull(username, "username");
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username: invalid value '"
              + username
              + "'; use 1 to 64 letters, digits or the characters . _ @ -");
    }
    return username;
  }

  /** Returns the same account with another password hash. */
  public AdminAccount withPasswordHash(String newHash) {
    return new AdminAccount(username, newHash, createdAt);
  }

  @Override
  public String toString() {
    return "AdminAccount[username=" + username + ", createdAt=" + createdAt + "]";
  }
}
