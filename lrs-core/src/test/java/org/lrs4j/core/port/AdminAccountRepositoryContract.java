package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.port.AdminAccountRepository.DeleteOutcome;

/**
 * Rules every {@link AdminAccountRepository} must keep. An implementation's test extends this class
 * and returns a repository over empty storage from {@link #newRepository()}.
 */
public abstract class AdminAccountRepositoryContract {

  private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00.123Z");

  private AdminAccountRepository repository;

  /** Returns a repository over storage that holds no accounts. */
  protected abstract AdminAccountRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void createdAccountIsFound() {
    repository.create(account("alice", CREATED));

    assertThat(repository.findByUsername("alice")).contains(account("alice", CREATED));
  }

  @Test
  void namesCompareWithoutCase() {
    repository.create(account("alice", CREATED));

    assertThat(repository.findByUsername("ALICE")).isPresent();
    assertThatThrownBy(() -> repository.create(account("Alice", CREATED)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void createIfNoneStoresOnlyTheFirst() {
    assertThat(repository.createIfNone(account("first", CREATED))).isTrue();
    assertThat(repository.createIfNone(account("second", CREATED))).isFalse();

    assertThat(repository.findAll()).extracting(AdminAccount::username).containsExactly("first");
  }

  @Test
  void passwordHashIsReplaced() {
    repository.create(account("alice", CREATED));

    assertThat(repository.updatePasswordHash("alice", "new-hash")).isTrue();
    assertThat(repository.updatePasswordHash("nobody", "new-hash")).isFalse();
    assertThat(repository.findByUsername("alice").orElseThrow().passwordHash())
        .isEqualTo("new-hash");
  }

  @Test
  void findAllIsOldestFirst() {
    repository.create(account("zed", CREATED));
    repository.create(account("amy", CREATED.plusSeconds(1)));

    assertThat(repository.findAll())
        .extracting(AdminAccount::username)
        .containsExactly("zed", "amy");
  }

  @Test
  void lastAccountIsNotDeleted() {
    repository.create(account("alice", CREATED));
    repository.create(account("bob", CREATED));

    assertThat(repository.deleteUnlessLast("bob")).isEqualTo(DeleteOutcome.DELETED);
    assertThat(repository.deleteUnlessLast("alice")).isEqualTo(DeleteOutcome.LAST_ACCOUNT);
    assertThat(repository.deleteUnlessLast("bob")).isEqualTo(DeleteOutcome.NOT_FOUND);
    assertThat(repository.findByUsername("alice")).isPresent();
  }

  private static AdminAccount account(String name, Instant created) {
    return new AdminAccount(name, "$argon2id$hash-of-" + name, created);
  }
}
