package org.lrs4j.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresActivityAndAgentTest extends ActivityAndAgentStoreTest {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected JdbcStore openEmptyStore() {
    database.truncate();
    return JdbcStore.open(database.settings());
  }
}
