package org.lrs4j.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Differences between the databases the store runs on. Every SQL or connection detail that is not
 * the same on SQLite and PostgreSQL lives in an implementation of this interface, so the
 * repositories contain one version of each query.
 */
interface Dialect {

  /** Returns the dialect for a JDBC URL. */
  static Dialect forUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException(
        "url: unsupported database, expected a jdbc:sqlite: or jdbc:postgresql: URL (value: "
            + url
            + ")");
  }

  /** Returns the Flyway location of this dialect's migrations. */
  String migrationLocation();

  /**
   * Returns the pool for transactions that write. The pool must make concurrent writers wait for
   * each other instead of failing.
   */
  HikariConfig writerPool(DatabaseSettings settings);

  /** Returns the pool for reads, which run concurrently with each other and with a writer. */
  HikariConfig readerPool(DatabaseSettings settings);

  /** Converts a UUID to the value bound to a JDBC parameter of a UUID column. */
  Object uuid(UUID id);

  /**
   * Returns the FROM item for the statement table, aliased {@code s}, for a query whose only
   * filters are {@code since} and {@code until}. Together with {@link #storedTimeSequenceBounds} it
   * must keep the database from reading every statement when few of them match.
   */
  String statementsByStoredTime();

  /**
   * Returns extra conditions on {@code s.seq} for a query whose only filters are {@code since} and
   * {@code until}, bound as the named parameters {@code :since} and {@code :until}. Each condition
   * must hold for every statement stored in the time range, so that it narrows the walk over the
   * sequence without dropping a match. Returns an empty list when the dialect has no such bound.
   */
  List<String> storedTimeSequenceBounds(boolean since, boolean until);

  /** Returns the largest number of values one {@code IN (...)} list may bind. */
  int maxInListSize();

  /**
   * Returns the clause, with a leading space, that a SELECT ends with to lock the rows it reads
   * until its transaction ends, so that a concurrent writer of those rows waits.
   */
  default String lockRowsForUpdate() {
    return " FOR UPDATE";
  }

  /**
   * Makes the write transaction wait until no other transaction holds a statement id lock on any of
   * the ids, and holds those locks until it ends. A batch takes them on the ids it inserts and the
   * ids its statements refer to before it reads or writes anything about them. Under READ
   * COMMITTED, every later query of the transaction then sees what the earlier holder committed: a
   * voiding statement and its target, or a StatementRef and its target, are written one after the
   * other even when they arrive in concurrent transactions. A dialect whose write transactions
   * already run one at a time does nothing.
   */
  void lockStatementIds(SqlStatements sql, Collection<UUID> ids) throws SQLException;

  /**
   * Returns true when concurrent statement batches should share one write transaction, each under
   * its own savepoint. This pays off where commits are serialized anyway, as on one SQLite file.
   * Such a dialect must not need {@link #isRetryable reruns}, because a group is never rerun.
   */
  default boolean groupsWrites() {
    return false;
  }

  /** Returns how statement text is stored in the {@code json} column: as it is, by default. */
  default StatementJsonCodec statementJson() {
    return StatementJsonCodec.PLAIN;
  }

  /**
   * Creates the watermark that reports to readers which statements have settled, for one
   * repository.
   */
  StatementWatermark statementWatermark(Clock clock);

  /**
   * Returns true when a write transaction that failed with this error may succeed when run again
   * from the start, such as a deadlock or a serialization failure.
   */
  boolean isRetryable(SQLException error);

  /** Returns true when the error or one of its causes is a {@link #isRetryable retryable} one. */
  default boolean isRetryableCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isRetryable(sql)) {
        return true;
      }
    }
    return false;
  }
}
