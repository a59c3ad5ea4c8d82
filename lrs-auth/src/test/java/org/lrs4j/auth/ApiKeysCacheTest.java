package org.lrs4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.port.CredentialRepository;

/**
 * A key read for verification is kept for the cache time: changes made through the same service
 * apply at once, changes made elsewhere within the cache time.
 */
class ApiKeysCacheTest {

  private static final Duration CACHE_TIME = Duration.ofSeconds(5);

  private final MovingClock clock = new MovingClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final CountingCredentials repository = new CountingCredentials();
  private final ApiKeys server = new ApiKeys(repository, clock, new SecureRandom(), CACHE_TIME);
  private final ApiKeys elsewhere = new ApiKeys(repository, clock, new SecureRandom());

  @Test
  void repeatedVerifyReadsOnce() {
    NewApiKey key = server.create("tool", Set.of(Scope.ALL), null);
    int before = repository.reads.get();

    server.verify(key.key(), key.secret());
    server.verify(key.key(), key.secret());
    server.verify(key.key(), key.secret());

    assertThat(repository.reads.get() - before).isEqualTo(1);
  }

  @Test
  void revocationElsewhereAppliesAfterCacheTime() {
    NewApiKey key = server.create("tool", Set.of(Scope.ALL), null);
    server.verify(key.key(), key.secret());

    elsewhere.revoke(key.key());
    clock.advance(CACHE_TIME.minusMillis(1));
    Credential stillKept = server.verify(key.key(), key.secret());
    clock.advance(Duration.ofMillis(1));

    assertThat(stillKept.revoked()).isFalse();
    assertThatThrownBy(() -> server.verify(key.key(), key.secret()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void revocationHereAppliesAtOnce() {
    NewApiKey key = server.create("tool", Set.of(Scope.ALL), null);
    server.verify(key.key(), key.secret());

    server.revoke(key.key());

    assertThatThrownBy(() -> server.verify(key.key(), key.secret()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void rotationHereRejectsOldSecretAtOnce() {
    NewApiKey key = server.create("tool", Set.of(Scope.ALL), null);
    server.verify(key.key(), key.secret());

    NewApiKey rotated = server.rotate(key.key());

    assertThatThrownBy(() -> server.verify(key.key(), key.secret()))
        .isInstanceOf(AuthenticationException.class);
    assertThat(server.verify(key.key(), rotated.secret()).key()).isEqualTo(key.key());
  }

  @Test
  void keptKeyStillChecksSecret() {
    NewApiKey key = server.create("tool", Set.of(Scope.ALL), null);
    server.verify(key.key(), key.secret());

    assertThatThrownBy(() -> server.verify(key.key(), "wrong"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("wrong secret");
  }

  @Test
  void keyCreatedElsewhereWorksAtOnce() {
    assertThatThrownBy(() -> server.verify("late", "secret-of-late-key"))
        .isInstanceOf(AuthenticationException.class);

    elsewhere.createIfMissing("late", "secret-of-late-key", "tool", Set.of(Scope.ALL));

    assertThat(server.verify("late", "secret-of-late-key").key()).isEqualTo("late");
  }

  /** Counts the reads of single keys. */
  private static final class CountingCredentials implements CredentialRepository {
    final AtomicInteger reads = new AtomicInteger();
    private final InMemoryCredentials stored = new InMemoryCredentials();

    @Override
    public void create(Credential credential) {
      stored.create(credential);
    }

    @Override
    public boolean update(Credential credential) {
      return stored.update(credential);
    }

    @Override
    public Optional<Credential> findByKey(String key) {
      reads.incrementAndGet();
      return stored.findByKey(key);
    }

    @Override
    public List<Credential> findAll() {
      return stored.findAll();
    }
  }

  /** A clock that tests move forward. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a moving clock stays in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
