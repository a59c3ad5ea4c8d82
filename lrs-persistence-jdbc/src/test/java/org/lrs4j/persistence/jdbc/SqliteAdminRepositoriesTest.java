package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.port.AdminAccountRepository;
import org.lrs4j.core.port.AdminAccountRepositoryContract;
import org.lrs4j.core.port.AdminSessionRepository;
import org.lrs4j.core.port.AdminSessionRepositoryContract;
import org.lrs4j.core.port.AuditLog;
import org.lrs4j.core.port.AuditLogContract;

class SqliteAdminRepositoriesTest {

  @TempDir Path folder;

  private JdbcStore store;

  private JdbcStore open() {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    return store;
  }

  @AfterEach
  void closeStore() {
    store.close();
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
