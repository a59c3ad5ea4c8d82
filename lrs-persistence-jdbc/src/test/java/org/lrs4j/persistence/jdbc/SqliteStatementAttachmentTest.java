package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.port.StatementAttachmentContract;
import org.lrs4j.core.port.StatementRepository;

class SqliteStatementAttachmentTest extends StatementAttachmentContract {

  @TempDir Path folder;

  private JdbcStore store;

  @Override
  protected StatementRepository newRepository() {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    return store.statements();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
