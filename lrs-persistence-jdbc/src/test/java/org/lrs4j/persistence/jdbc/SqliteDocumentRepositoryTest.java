package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.port.DocumentRepository;
import org.lrs4j.core.port.DocumentRepositoryContract;

class SqliteDocumentRepositoryTest extends DocumentRepositoryContract {

  @TempDir Path folder;

  private JdbcStore store;

  @Override
  protected DocumentRepository newRepository() {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    return store.documents();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
