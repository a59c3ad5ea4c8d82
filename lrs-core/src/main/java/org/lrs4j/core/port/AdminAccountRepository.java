package org.lrs4j.core.port;

import java.util.List;
import java.util.Optional;
import org.lrs4j.core.admin.AdminAccount;

/** Port for storing admin accounts. Implementations must be thread safe. */
public interface AdminAccountRepository {

  /**
   * Stores a new account.
   *
   * @throws org.lrs4j.core.error.ConflictException when an account with the same name exists
   */
  void create(AdminAccount account);

  /**
   * Stores the account only when no account exists yet, atomically, so that several servers
   * starting at once create at most one first admin.
   *
   * @return true when the account was stored
   */
  boolean createIfNone(AdminAccount account);

  /** Replaces the password hash of an account, and returns false when there is none. */
  boolean updatePasswordHash(String username, String passwordHash);

  /** Finds an account by its user name. */
  Optional<AdminAccount> findByUsername(String username);

  /** Returns every account, oldest first. */
  List<AdminAccount> findAll();

  /**
   * Deletes an account unless it is the last one, atomically.
   *
   * @return the outcome
   */
  DeleteOutcome deleteUnlessLast(String username);

  /** Outcome of {@link #deleteUnlessLast}. */
  enum DeleteOutcome {
    DELETED,
    NOT_FOUND,
    LAST_ACCOUNT
  }
}
