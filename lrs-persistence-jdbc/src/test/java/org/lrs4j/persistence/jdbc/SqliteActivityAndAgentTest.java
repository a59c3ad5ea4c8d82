package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteActivityAndAgentTest extends ActivityAndAgentStoreTest {

  @TempDir Path folder;

  @Override
  protected JdbcStore openEmptyStore() {
    return JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
  }
}
