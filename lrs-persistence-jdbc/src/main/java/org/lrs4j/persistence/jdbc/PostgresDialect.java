package org.lrs4j.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL: a server shared by any number of LRS processes, UUIDs in {@code uuid} columns. Write
 * transactions run concurrently at READ COMMITTED; the rules that span transactions are enforced by
 * unique constraints, {@code ON CONFLICT}, row locks, the advisory locks of {@link
 * PostgresStatementWatermark} and the statement id locks of {@link #lockStatementIds}.
 */
final class PostgresDialect implements Dialect {

  // Sized for a server with a few cores; each pool holds at most this many server connections.
  private static final int WRITER_POOL_SIZE = 10;
  private static final int READER_POOL_SIZE = 10;

  // A batch that waits longer than this for a connection fails before it takes its watermark
  // locks, so this must stay below CONSISTENCY_MARGIN.
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How far {@code X-Experience-API-Consistent-Through} stays behind the database clock at least.
   * It must cover the time from reading the clock for {@code stored} to taking the watermark locks,
   * plus the clock difference between any LRS server and the database.
   */
  static final Duration CONSISTENCY_MARGIN = Duration.ofSeconds(10);

  /**
   * First key of every statement id lock. The two-int form of the advisory lock functions has a key
   * space of its own (objsubid 2 in {@code pg_locks}), apart from the bigint keys of {@link
   * PostgresStatementWatermark} and Flyway.
   */
  static final int STATEMENT_ID_LOCK_CLASS = 0x4C534944;

  private static final String LOCK_STATEMENT_IDS =
      "SELECT count(pg_advisory_xact_lock(?, k))"
          + " FROM (SELECT k FROM unnest(?::int4[]) AS u(k) ORDER BY k) keys";

  // serialization_failure and deadlock_detected.
  private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/postgresql";
  }

  @Override
  public HikariConfig writerPool(DatabaseSettings settings) {
    HikariConfig pool = pool(settings, "lrs-postgres-writer");
    pool.setMaximumPoolSize(WRITER_POOL_SIZE);
    return pool;
  }

  @Override
  public HikariConfig readerPool(DatabaseSettings settings) {
    HikariConfig pool = pool(settings, "lrs-postgres-reader");
    pool.setMaximumPoolSize(READER_POOL_SIZE);
    return pool;
  }

  @Override
  public Object uuid(UUID id) {
    return id;
  }

  @Override
  public String statementsByStoredTime() {
    return "statement s";
  }

  @Override
  public List<String> storedTimeSequenceBounds(boolean since, boolean until) {
    return List.of();
  }

  @Override
  public int maxInListSize() {
    // The protocol caps a statement at 65535 bound parameters; 1000 keeps plans quick to build.
    return 1000;
  }

  /**
   * Takes an exclusive transaction-level advisory lock per id, in the two-int form with {@link
   * #STATEMENT_ID_LOCK_CLASS} as the first key and the folded id as the second, in ascending key
   * order so that two batches rarely deadlock; the repository reruns a batch that still does. Two
   * ids that fold to the same key only make their batches wait for each other.
   *
   * <p>The locks are taken by a query of their own, because a READ COMMITTED query sees the rows
   * committed before it started: the queries after this one see what the previous holders wrote.
   */
  @Override
  public void lockStatementIds(SqlStatements sql, Collection<UUID> ids) throws SQLException {
    Integer[] keys =
        ids.stream()
            .map(PostgresDialect::statementIdLockKey)
            .distinct()
            .sorted()
            .toArray(Integer[]::new);
    if (keys.length == 0) {
      return;
    }

    PreparedStatement lock = sql.prepare(LOCK_STATEMENT_IDS);
    Array array = lock.getConnection().createArrayOf("int4", keys);
    try {
      lock.setInt(1, STATEMENT_ID_LOCK_CLASS);
      lock.setArray(2, array);
      lock.executeQuery().close();
    } finally {
      array.free();
    }
  }

  /** Folds the 128 bits of the id into the 32-bit second key of its statement id lock. */
  static int statementIdLockKey(UUID id) {
    long bits = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    return (int) (bits ^ (bits >>> 32));
  }

  @Override
  public StatementWatermark statementWatermark(Clock clock) {
    return new PostgresStatementWatermark(CONSISTENCY_MARGIN);
  }

  @Override
  public boolean isRetryable(SQLException error) {
    return RETRYABLE_STATES.contains(error.getSQLState());
  }

  private static HikariConfig pool(DatabaseSettings settings, String poolName) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      pool.setUsername(settings.user());
    }
    if (settings.password() != null) {
      pool.setPassword(settings.password());
    }
    pool.setPoolName(poolName);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    return pool;
  }
}
