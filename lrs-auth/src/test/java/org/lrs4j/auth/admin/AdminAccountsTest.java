package org.lrs4j.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.admin.AuditEntry;
import org.lrs4j.core.admin.InMemoryAdminStore;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.TooManyRequestsException;

class AdminAccountsTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String ADDRESS = "127.0.0.1";

  private final InMemoryAdminStore store = new InMemoryAdminStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
  private final SessionTokens tokens = new SessionTokens(store, null, Duration.ofHours(1), clock);
  private final AdminAccounts accounts =
      new AdminAccounts(
          store,
          new PasswordHasher(1024, 1),
          tokens,
          LoginThrottle.standard(store, clock),
          new Auditor(store, clock),
          clock);

  @Test
  void loginReturnsTokenForAccount() {
    accounts.create("alice", PASSWORD, AdminActor.cli());

    String token = accounts.login("alice", PASSWORD, ADDRESS);

    assertThat(accounts.authenticate(token).username()).isEqualTo("alice");
  }

  @Test
  void wrongPasswordAndUnknownUserGetOneMessage() {
    accounts.create("alice", PASSWORD, AdminActor.cli());

    assertThatThrownBy(() -> accounts.login("alice", "wrong password here", ADDRESS))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("login: unknown user or wrong password for alice");
    assertThatThrownBy(() -> accounts.login("bob", PASSWORD, ADDRESS))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("login: unknown user or wrong password for bob");
  }

  @Test
  void logoutRevokesToken() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    String token = accounts.login("alice", PASSWORD, ADDRESS);

    accounts.logout(accounts.authenticate(token), ADDRESS);

    assertThatThrownBy(() -> accounts.authenticate(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void tokenExpires() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    String token = accounts.login("alice", PASSWORD, ADDRESS);

    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> accounts.authenticate(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void tamperedTokenIsRejected() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    String token = accounts.login("alice", PASSWORD, ADDRESS);
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].replace(parts[2].charAt(3), parts[2].charAt(3) == 'A' ? 'B' : 'A');

    assertThatThrownBy(() -> accounts.authenticate(forged))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void tokenOfAnotherServerKeyIsRejected() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String foreign = new SessionTokens(store, otherKey, Duration.ofHours(1), clock).issue("alice");

    assertThatThrownBy(() -> accounts.authenticate(foreign))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid signature");
  }

  @Test
  void serversSharingTheDatabaseShareTheSigningKey() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    SessionTokens otherServer = new SessionTokens(store, null, Duration.ofHours(1), clock);

    String token = otherServer.issue("alice");

    assertThat(accounts.authenticate(token).username()).isEqualTo("alice");
  }

  @Test
  void fiveFailuresBlockTheAccountEvenWithTheRightPassword() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> accounts.login("alice", "wrong password here", "10.0.0." + 1))
          .isInstanceOf(AuthenticationException.class);
    }

    assertThatThrownBy(() -> accounts.login("alice", PASSWORD, "10.0.0.2"))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessageContaining("user alice");

    clock.advance(Duration.ofMinutes(16));
    assertThat(accounts.login("alice", PASSWORD, "10.0.0.2")).isNotEmpty();
  }

  @Test
  void twentyFailuresBlockTheAddress() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    for (int i = 0; i < 20; i++) {
      String user = "user" + i;
      assertThatThrownBy(() -> accounts.login(user, PASSWORD, "10.0.0.9"))
          .isInstanceOf(AuthenticationException.class);
    }

    assertThatThrownBy(() -> accounts.login("alice", PASSWORD, "10.0.0.9"))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessageContaining("address 10.0.0.9");
    assertThat(accounts.login("alice", PASSWORD, "10.0.0.10")).isNotEmpty();
  }

  @Test
  void weakPasswordIsRejectedAtCreation() {
    assertThatThrownBy(() -> accounts.create("alice", "short", AdminActor.cli()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> accounts.create("al ice", PASSWORD, AdminActor.cli()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("username");
  }

  @Test
  void passwordChangeNeedsTheCurrentPassword() {
    accounts.create("alice", PASSWORD, AdminActor.cli());

    assertThatThrownBy(
            () ->
                accounts.changePassword("alice", "not the password", "new pass phrase 42", ADDRESS))
        .isInstanceOf(AuthenticationException.class);
    accounts.changePassword("alice", PASSWORD, "new pass phrase 42", ADDRESS);

    assertThat(accounts.login("alice", "new pass phrase 42", ADDRESS)).isNotEmpty();
    assertThatThrownBy(() -> accounts.login("alice", PASSWORD, ADDRESS))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void lastAccountCannotBeDeleted() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    accounts.create("bob", PASSWORD, AdminActor.cli());

    accounts.delete("bob", new AdminActor("alice", ADDRESS));

    assertThatThrownBy(() -> accounts.delete("alice", new AdminActor("alice", ADDRESS)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("last admin account");
    assertThat(accounts.list()).extracting(AdminAccount::username).containsExactly("alice");
  }

  @Test
  void deletedAccountsTokenIsRejected() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    accounts.create("bob", PASSWORD, AdminActor.cli());
    String token = accounts.login("bob", PASSWORD, ADDRESS);

    accounts.delete("bob", new AdminActor("alice", ADDRESS));

    assertThatThrownBy(() -> accounts.authenticate(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no longer exists");
  }

  @Test
  void firstAdminIsCreatedOnlyOnce() {
    assertThat(accounts.createFirst("root", PASSWORD)).isTrue();
    assertThat(accounts.createFirst("other", PASSWORD)).isFalse();

    assertThat(accounts.list()).extracting(AdminAccount::username).containsExactly("root");
  }

  @Test
  void actionsAreAudited() {
    accounts.create("alice", PASSWORD, AdminActor.cli());
    assertThatThrownBy(() -> accounts.login("alice", "wrong password here", ADDRESS))
        .isInstanceOf(AuthenticationException.class);
    accounts.login("alice", PASSWORD, ADDRESS);

    assertThat(store.newest(0, 10))
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target, AuditEntry::address)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", "login", "alice", ADDRESS),
            org.assertj.core.groups.Tuple.tuple("alice", "login.failed", "alice", ADDRESS),
            org.assertj.core.groups.Tuple.tuple("cli", "account.create", "alice", "local"));
  }

  /** A clock that tests move forward. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
