package org.lrs4j.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.lrs4j.core.port.DocumentRepository;
import org.lrs4j.core.port.DocumentRepositoryContract;

class PostgresDocumentRepositoryTest extends DocumentRepositoryContract {

  private static PostgresTestDatabase database;

  private JdbcStore store;

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
  protected DocumentRepository newRepository() {
    database.truncate();
    store = JdbcStore.open(database.settings());
    return store.documents();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
