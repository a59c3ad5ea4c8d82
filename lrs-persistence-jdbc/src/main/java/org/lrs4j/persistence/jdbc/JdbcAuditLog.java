package org.lrs4j.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.lrs4j.core.admin.AuditEntry;
import org.lrs4j.core.port.AuditLog;

/** Audit log over JDBI, in the append-only {@code audit_log} table. Thread safe. */
final class JdbcAuditLog implements AuditLog {

  private final Jdbi writer;
  private final Jdbi reader;

  JdbcAuditLog(Jdbi writer, Jdbi reader) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public AuditEntry append(AuditEntry entry) {
    long id =
        writer.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO audit_log (at, actor, action, target, address)"
                            + " VALUES (:at, :actor, :action, :target, :address)")
                    .bind("at", entry.at().toEpochMilli())
                    .bind("actor", entry.actor())
                    .bind("action", entry.action())
                    .bind("target", entry.target())
                    .bind("address", entry.address())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return new AuditEntry(
        id, entry.at(), entry.actor(), entry.action(), entry.target(), entry.address());
  }

  @Override
  public List<AuditEntry> newest(long before, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1 (value: " + limit + ")");
    }
    long bound = before <= 0 ? Long.MAX_VALUE : before;
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, at, actor, action, target, address FROM audit_log"
                        + " WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", bound)
                .bind("limit", limit)
                .map(JdbcAuditLog::toEntry)
                .list());
  }

  private static AuditEntry toEntry(ResultSet rs, StatementContext context) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("at")),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("address"));
  }
}
