package org.lrs4j.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.lrs4j.core.port.AdminAccountRepository;
import org.lrs4j.core.port.AdminAccountRepositoryContract;
import org.lrs4j.core.port.AdminSessionRepository;
import org.lrs4j.core.port.AdminSessionRepositoryContract;
import org.lrs4j.core.port.AuditLog;
import org.lrs4j.core.port.AuditLogContract;

class PostgresAdminRepositoriesTest {

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

  private JdbcStore open() {
    database.truncate();
    store = JdbcStore.open(database.settings());
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Nested
  class Accounts extends AdminAccountRepositoryContract {
    @Override
    protected AdminAccountRepository newRepository() {
      return open().adminAccounts();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
      return open().auditLog();
    }
  }

  @Nested
  class Sessions extends AdminSessionRepositoryContract {
    @Override
    protected AdminSessionRepository newRepository() {
      return open().adminSessions();
    }
  }
}
