package org.lrs4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;

class ApiKeysTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final InMemoryCredentials repository = new InMemoryCredentials();
  private final ApiKeys keys =
      new ApiKeys(repository, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

  @Test
  void rotateRejectsRevokedKey() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);
    keys.revoke(key.key());
    String hashBefore = repository.findByKey(key.key()).orElseThrow().secretHash();

    assertThatThrownBy(() -> keys.rotate(key.key()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("API key " + key.key() + " is revoked");
    assertThat(repository.findByKey(key.key()).orElseThrow().secretHash()).isEqualTo(hashBefore);
  }

  @Test
  void createRejectsPastExpiry() {
    Instant past = NOW.minusSeconds(1);

    assertThatThrownBy(() -> keys.create("provider", Set.of(Scope.ALL), past))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("expiresAt: 2024-05-01T09:59:59Z is not in the future");
    assertThat(repository.findAll()).isEmpty();
  }

  @Test
  void createRejectsExpiryAtCurrentTime() {
    assertThatThrownBy(() -> keys.create("provider", Set.of(Scope.ALL), NOW))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("expiresAt: " + NOW);
  }

  @Test
  void createAcceptsFutureExpiry() {
    Instant future = NOW.plusSeconds(1);

    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), future);

    assertThat(key.credential().expiresAt()).isEqualTo(future);
  }
}
