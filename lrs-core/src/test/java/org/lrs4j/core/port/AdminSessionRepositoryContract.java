package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules every {@link AdminSessionRepository} must keep. An implementation's test extends this class
 * and returns a repository over empty storage from {@link #newRepository()}.
 */
public abstract class AdminSessionRepositoryContract {

  private static final Instant NOW = Instant.parse("2024-03-01T10:00:00.123Z");

  private AdminSessionRepository repository;

  /** Returns a repository over empty storage. */
  protected abstract AdminSessionRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void revokedTokenIsRevoked() {
    repository.revoke("jti-1", NOW.plusSeconds(60));

    assertThat(repository.isRevoked("jti-1")).isTrue();
    assertThat(repository.isRevoked("jti-2")).isFalse();
  }

  @Test
  void purgeForgetsOnlyExpiredRevocations() {
    repository.revoke("old", NOW.minusSeconds(1));
    repository.revoke("current", NOW.plusSeconds(60));

    repository.purgeRevokedBefore(NOW);

    assertThat(repository.isRevoked("old")).isFalse();
    assertThat(repository.isRevoked("current")).isTrue();
  }

  @Test
  void failedLoginsAreCountedPerSubjectAndWindow() {
    repository.recordFailedLogin("user:alice", NOW.minusSeconds(120));
    repository.recordFailedLogin("user:alice", NOW.minusSeconds(30));
    repository.recordFailedLogin("user:alice", NOW);
    repository.recordFailedLogin("ip:127.0.0.1", NOW);

    assertThat(repository.countFailedLogins("user:alice", NOW.minusSeconds(60))).isEqualTo(2);
    assertThat(repository.countFailedLogins("ip:127.0.0.1", NOW.minusSeconds(60))).isEqualTo(1);
  }

  @Test
  void clearAndPurgeForgetFailedLogins() {
    repository.recordFailedLogin("user:alice", NOW.minusSeconds(120));
    repository.recordFailedLogin("user:alice", NOW);
    repository.recordFailedLogin("user:bob", NOW);

    repository.purgeFailedLoginsBefore(NOW.minusSeconds(60));
    assertThat(repository.countFailedLogins("user:alice", Instant.EPOCH)).isEqualTo(1);

    repository.clearFailedLogins("user:alice");
    assertThat(repository.countFailedLogins("user:alice", Instant.EPOCH)).isZero();
    assertThat(repository.countFailedLogins("user:bob", Instant.EPOCH)).isEqualTo(1);
  }

  @Test
  void firstStoredSecretWins() {
    String first = repository.secret("signing", () -> "value-1");
    String second = repository.secret("signing", () -> "value-2");

    assertThat(first).isEqualTo("value-1");
    assertThat(second).isEqualTo("value-1");
  }
}
