package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ConflictException;

/**
 * Rules every {@link CredentialRepository} must keep. An implementation's test extends this class
 * and returns a repository over empty storage from {@link #newRepository()}. Times in these tests
 * are whole milliseconds, the precision every implementation keeps.
 */
public abstract class CredentialRepositoryContract {

  private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00.123Z");

  private CredentialRepository repository;

  /** Returns a repository over storage that holds no keys. */
  protected abstract CredentialRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void createdKeyIsFoundByKey() {
    Credential credential =
        new Credential(
            "key-1",
            "$argon2id$hash",
            "Quiz tool",
            Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE),
            CREATED,
            CREATED.plusSeconds(3600),
            false);

    repository.create(credential);

    assertThat(repository.findByKey("key-1")).contains(credential);
  }

  @Test
  void keyWithoutScopesOrExpiryRoundTrips() {
    Credential credential = credential("key-1", CREATED);

    repository.create(credential);

    assertThat(repository.findByKey("key-1")).contains(credential);
  }

  @Test
  void findByKeyMissesUnknownKey() {
    repository.create(credential("key-1", CREATED));

    assertThat(repository.findByKey("key-2")).isEmpty();
  }

  @Test
  void creatingExistingKeyIsConflict() {
    repository.create(credential("key-1", CREATED));
    Credential again =
        new Credential("key-1", "other", "Other", Set.of(Scope.ALL), CREATED, null, false);

    assertThatThrownBy(() -> repository.create(again))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("key-1");

    assertThat(repository.findByKey("key-1").orElseThrow().label()).isEqualTo("Reporting");
  }

  @Test
  void updateReplacesStoredKey() {
    repository.create(credential("key-1", CREATED));
    Credential revoked =
        new Credential(
            "key-1",
            "new-hash",
            "Renamed",
            Set.of(Scope.ALL_READ),
            CREATED,
            CREATED.plusSeconds(60),
            true);

    boolean updated = repository.update(revoked);

    assertThat(updated).isTrue();
    assertThat(repository.findByKey("key-1")).contains(revoked);
  }

  @Test
  void updateOfUnknownKeyReturnsFalse() {
    boolean updated = repository.update(credential("key-1", CREATED));

    assertThat(updated).isFalse();
    assertThat(repository.findByKey("key-1")).isEmpty();
  }

  @Test
  void findAllListsOldestFirst() {
    Credential newest = credential("a-newest", CREATED.plusSeconds(20));
    Credential oldest = credential("c-oldest", CREATED);
    Credential middle = credential("b-middle", CREATED.plusSeconds(10));
    repository.create(newest);
    repository.create(oldest);
    repository.create(middle);

    assertThat(repository.findAll()).containsExactly(oldest, middle, newest);
  }

  private static Credential credential(String key, Instant createdAt) {
    return new Credential(key, "hash-of-" + key, "Reporting", Set.of(), createdAt, null, false);
  }

  @Test
  void ownerIsKeptAndUpdated() {
    Credential owned =
        new Credential(
            "key-owned", "hash", "Owned", Set.of(Scope.ALL), CREATED, null, false, "alice");
    repository.create(owned);

    repository.update(owned.withScopes(Set.of(Scope.STATE)));

    Credential found = repository.findByKey("key-owned").orElseThrow();
    assertThat(found.owner()).isEqualTo("alice");
    assertThat(found.scopes()).containsExactly(Scope.STATE);
  }
}
