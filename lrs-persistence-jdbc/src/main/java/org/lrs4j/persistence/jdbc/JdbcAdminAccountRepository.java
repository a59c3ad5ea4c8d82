package org.lrs4j.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.port.AdminAccountRepository;

/**
 * Admin account repository over JDBI, in the {@code admin_account} table. User names compare
 * without regard to case. Thread safe.
 */
final class JdbcAdminAccountRepository implements AdminAccountRepository {

  private static final String COLUMNS = "username, password_hash, created_at";

  private final Jdbi writer;
  private final Jdbi reader;

  JdbcAdminAccountRepository(Jdbi writer, Jdbi reader) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public void create(AdminAccount account) {
    int inserted =
        writer.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO admin_account ("
                            + COLUMNS
                            + ") VALUES (:username, :hash, :createdAt)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("username", account.username())
                    .bind("hash", account.passwordHash())
                    .bind("createdAt", account.createdAt().toEpochMilli())
                    .execute());
    if (inserted == 0) {
      throw new ConflictException(
          "username: an admin account with this name already exists (value: "
              + account.username()
              + ")");
    }
  }

  @Override
  public boolean createIfNone(AdminAccount account) {
    int inserted =
        writer.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO admin_account ("
                            + COLUMNS
                            + ") SELECT :username, :hash, :createdAt"
                            + " WHERE NOT EXISTS (SELECT 1 FROM admin_account)")
                    .bind("username", account.username())
                    .bind("hash", account.passwordHash())
                    .bind("createdAt", account.createdAt().toEpochMilli())
                    .execute());
    return inserted > 0;
  }

  @Override
  public boolean updatePasswordHash(String username, String passwordHash) {
    int updated =
        writer.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE admin_account SET password_hash = :hash WHERE lower(username) = lower(:username)")
                    .bind("username", username)
                    .bind("hash", passwordHash)
                    .execute());
    return updated > 0;
  }

  @Override
  public Optional<AdminAccount> findByUsername(String username) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM admin_account WHERE lower(username) = lower(:username)")
                .bind("username", username)
                .map(JdbcAdminAccountRepository::toAccount)
                .findOne());
  }

  @Override
  public List<AdminAccount> findAll() {
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM admin_account ORDER BY created_at, username")
                .map(JdbcAdminAccountRepository::toAccount)
                .list());
  }

  @Override
  public DeleteOutcome deleteUnlessLast(String username) {
    return writer.inTransaction(
        handle -> {
          int deleted =
              handle
                  .createUpdate(
                      "DELETE FROM admin_account WHERE lower(username) = lower(:username)"
                          + " AND (SELECT COUNT(*) FROM admin_account) > 1")
                  .bind("username", username)
                  .execute();
          if (deleted > 0) {
            return DeleteOutcome.DELETED;
          }
          boolean exists =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM admin_account WHERE lower(username) = lower(:username)")
                      .bind("username", username)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          return exists ? DeleteOutcome.LAST_ACCOUNT : DeleteOutcome.NOT_FOUND;
        });
  }

  private static AdminAccount toAccount(ResultSet rs, StatementContext context)
      throws SQLException {
    return new AdminAccount(
        rs.getString("username"),
        rs.getString("password_hash"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
