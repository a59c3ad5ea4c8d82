package org.lrs4j.auth.admin;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.port.AdminAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin accounts: creation, login and logout, password change, listing and deletion. Every change
 * and every login is written to the audit log. Thread safe.
 */
public final class AdminAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAccounts.class);

  private final AdminAccountRepository accounts;
  private final PasswordHasher hasher;
  private final SessionTokens tokens;
  private final LoginThrottle throttle;
  private final Auditor auditor;
  private final Clock clock;
  private final String unknownUserHash;

  public AdminAccounts(
      AdminAccountRepository accounts,
      PasswordHasher hasher,
      SessionTokens tokens,
      LoginThrottle throttle,
      Auditor auditor,
      Clock clock) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.auditor = Objects.requireNonNull(auditor, "auditor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unknownUserHash = hasher.hash("an unknown user gets the same hashing time");
  }

  /**
   * Creates an account after checking the user name and the password rule.
   *
   * @throws InvalidRequestException when the name or the password breaks a rule
   * @throws ConflictException when the name is taken
   */
  public AdminAccount create(String username, String password, AdminActor actor) {
    AdminAccount account = newAccount(username, password);
    accounts.create(account);
    auditor.record(actor.name(), "account.create", username, actor.address());
    return account;
  }

  /**
   * Creates the first admin when no account exists, and logs a warning to change its password.
   *
   * @return true when the account was created
   */
  public boolean createFirst(String username, String password) {
    AdminAccount account = newAccount(username, password);
    if (!accounts.createIfNone(account)) {
      return false;
    }
    AdminActor server = AdminActor.server();
    auditor.record(server.name(), "account.create", username, server.address());
    LOG.warn(
        "Created the first admin account '{}' from LRS_ADMIN_USERNAME and LRS_ADMIN_PASSWORD;"
            + " change its password now and remove LRS_ADMIN_PASSWORD from the environment",
        username);
    return true;
  }

  /**
   * Checks a user name and password and returns a new session token.
   *
   * @param address the client's address, for the rate limit and the audit log
   * @throws org.lrs4j.core.error.TooManyRequestsException when the account or address is blocked
   * @throws AuthenticationException when the name or the password is wrong; both get one message
   */
  public String login(String username, String password, String address) {
    throttle.check(username, address);

    Optional<AdminAccount> account = accounts.findByUsername(username);
    String hash = account.map(AdminAccount::passwordHash).orElse(unknownUserHash);
    boolean matches = hasher.matches(password, hash) && account.isPresent();
    if (!matches) {
      throttle.failed(username, address);
      auditor.record(username, "login.failed", username, address);
      throw new AuthenticationException("login: unknown user or wrong password for " + username);
    }

    throttle.succeeded(username, address);
    auditor.record(username, "login", username, address);
    return tokens.issue(username);
  }

  /**
   * Verifies a session token and checks that its account still exists.
   *
   * @throws AuthenticationException when the token is not valid or its account was deleted
   */
  public AdminSession authenticate(String token) {
    AdminSession session = tokens.verify(token);
    if (accounts.findByUsername(session.username()).isEmpty()) {
      throw new AuthenticationException(
          "session token: the account " + session.username() + " no longer exists");
    }
    return session;
  }

  /** Revokes the session's token on every server. */
  public void logout(AdminSession session, String address) {
    tokens.revoke(session);
    auditor.record(session.username(), "logout", session.username(), address);
  }

  /**
   * Changes the password of the signed-in account, after checking the current one.
   *
   * @throws AuthenticationException when the current password is wrong
   * @throws InvalidRequestException when the new password breaks the rule
   */
  public void changePassword(
      String username, String currentPassword, String newPassword, String address) {
    AdminAccount account =
        accounts
            .findByUsername(username)
            .orElseThrow(() -> new NotFoundException("account: " + username + " not found"));
    if (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash())) {
      auditor.record(username, "password.change.failed", username, address);
      throw new AuthenticationException("currentPassword: wrong password for " + username);
    }
    PasswordPolicy.check(username, newPassword);

    accounts.updatePasswordHash(username, hasher.hash(newPassword));
    auditor.record(username, "password.change", username, address);
  }

  /** Returns every account, oldest first. */
  public List<AdminAccount> list() {
    return accounts.findAll();
  }

  /**
   * Deletes an account.
   *
   * @throws NotFoundException when there is no such account
   * @throws ConflictException when it is the last account
   */
  public void delete(String username, AdminActor actor) {
    switch (accounts.deleteUnlessLast(username)) {
      case DELETED -> auditor.record(actor.name(), "account.delete", username, actor.address());
      case NOT_FOUND -> throw new NotFoundException("account: " + username + " not found");
      case LAST_ACCOUNT ->
          throw new ConflictException(
              "account: " + username + " is the last admin account and cannot be deleted");
    }
  }

  private AdminAccount newAccount(String username, String password) {
    try {
      AdminAccount.requireValidUsername(username);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage(), e);
    }
    PasswordPolicy.check(username, password);
    return new AdminAccount(username, hasher.hash(password), clock.instant());
  }
}
