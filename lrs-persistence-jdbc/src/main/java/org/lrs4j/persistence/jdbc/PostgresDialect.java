package org.lrs4j.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL: a server shared by any number of LRS processes, UUIDs in {@code uuid} columns. Write
 * transactions run concurrently at READ COMMITTED; the rules that span transactions are enforced by
 * unique constraints, {@code ON CONFLICT}, row locks and the advisory locks of {@link
 * PostgresStatementWatermark}.
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
  public int maxInListSize() {
    // The protocol caps a statement at 65535 bound parameters; 1000 keeps plans quick to build.
    return 1000;
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
