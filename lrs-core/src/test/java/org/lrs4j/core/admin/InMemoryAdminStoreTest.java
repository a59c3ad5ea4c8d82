package org.lrs4j.core.admin;

import org.junit.jupiter.api.Nested;
import org.lrs4j.core.port.AdminAccountRepository;
import org.lrs4j.core.port.AdminAccountRepositoryContract;
import org.lrs4j.core.port.AdminSessionRepository;
import org.lrs4j.core.port.AdminSessionRepositoryContract;
import org.lrs4j.core.port.AuditLog;
import org.lrs4j.core.port.AuditLogContract;

class InMemoryAdminStoreTest {

  @Nested
  class Accounts extends AdminAccountRepositoryContract {
    @Override
    protected AdminAccountRepository newRepository() {
      return new InMemoryAdminStore();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
      return new InMemoryAdminStore();
    }
  }

  @Nested
  class Sessions extends AdminSessionRepositoryContract {
    @Override
    protected AdminSessionRepository newRepository() {
      return new InMemoryAdminStore();
    }
  }
}
