package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.port.CredentialRepository;
import org.lrs4j.core.port.CredentialRepositoryContract;

class SqliteCredentialRepositoryTest extends CredentialRepositoryContract {

  @TempDir Path folder;

  private JdbcStore store;

  @Override
  protected CredentialRepository newRepository() {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    return store.credentials();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
