package org.lrs4j.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite: one file, WAL journal, UUIDs as text. Writes go through a pool of one connection whose
 * transactions start with {@code BEGIN IMMEDIATE}, so writers in one process queue for the
 * connection and writers in other processes wait on the file lock for up to the busy timeout,
 * instead of failing with {@code SQLITE_BUSY} when a deferred transaction upgrades to a write.
 */
final class SqliteDialect implements Dialect {

  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  // In WAL mode readers do not block each other or the writer, so the pool size only caps the
  // open file handles and page caches.
  private static final int READER_POOL_SIZE = 8;

  private static final StatementJsonCodec JSON = new DeflatedStatementJson();

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public HikariConfig writerPool(DatabaseSettings settings) {
    SQLiteConfig config = baseConfig();
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    HikariConfig pool = pool(settings, config, "lrs-sqlite-writer");
    pool.setMaximumPoolSize(1);
    pool.setConnectionTimeout(BUSY_TIMEOUT_MILLIS);
    return pool;
  }

  @Override
  public HikariConfig readerPool(DatabaseSettings settings) {
    HikariConfig pool = pool(settings, baseConfig(), "lrs-sqlite-reader");
    pool.setMaximumPoolSize(READER_POOL_SIZE);
    return pool;
  }

  @Override
  public Object uuid(UUID id) {
    return id.toString();
  }

  @Override
  public String statementsByStoredTime() {
    // The query walks the primary key in ORDER BY order, within the sequence bounds below, and
    // tests stored_millis on each row. Reading a stored_millis index range instead would fetch
    // and sort every row of the time range before the LIMIT.
    return "statement s NOT INDEXED";
  }

  /**
   * Returns exact sequence bounds, each found with one index seek in a table that the V6 migration
   * defines and an insert trigger maintains. The first statement stored after {@code since} is the
   * {@code statement_stored_prefix_max} row with the smallest time above it, and the last statement
   * stored at or before {@code until} is the {@code statement_stored_suffix_min} row with the
   * largest time at or below it. A bound that finds no row excludes every statement.
   */
  @Override
  public List<String> storedTimeSequenceBounds(boolean since, boolean until) {
    List<String> bounds = new ArrayList<>();
    if (since) {
      bounds.add(
          "s.seq >= coalesce((SELECT p.seq FROM statement_stored_prefix_max p"
              + " WHERE p.stored_millis > :since ORDER BY p.stored_millis LIMIT 1), "
              + Long.MAX_VALUE
              + ")");
    }
    if (until) {
      bounds.add(
          "s.seq <= coalesce((SELECT f.seq FROM statement_stored_suffix_min f"
              + " WHERE f.stored_millis <= :until ORDER BY f.stored_millis DESC LIMIT 1), 0)");
    }
    return bounds;
  }

  @Override
  public int maxInListSize() {
    // SQLite's default cap is 32766 bound parameters per statement (since 3.32.0); 500 keeps an IN
    // list far below it and short enough to plan quickly.
    return 500;
  }

  @Override
  public String lockRowsForUpdate() {
    // SQLite has no row locks; a writer transaction starts with BEGIN IMMEDIATE, which holds the
    // database's write lock from its first statement to its end.
    return "";
  }

  @Override
  public void lockStatementIds(SqlStatements sql, Collection<UUID> ids) {
    // The single writer connection under BEGIN IMMEDIATE already runs write transactions one at
    // a time.
  }

  @Override
  public boolean groupsWrites() {
    return true;
  }

  @Override
  public StatementJsonCodec statementJson() {
    // Statement text is about 70 % of the file; compressed, a typical statement takes about 40 %
    // of its text size. SQLite keeps a BLOB in a TEXT column as a BLOB, so no migration is needed.
    return JSON;
  }

  @Override
  public StatementWatermark statementWatermark(Clock clock) {
    return new SqliteStatementWatermark(clock);
  }

  @Override
  public boolean isRetryable(SQLException error) {
    // Writers queue for the file lock under BEGIN IMMEDIATE, so no transaction needs a rerun.
    return false;
  }

  private static SQLiteConfig baseConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    return config;
  }

  private static HikariConfig pool(
      DatabaseSettings settings, SQLiteConfig config, String poolName) {
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(settings.url());
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(dataSource);
    pool.setPoolName(poolName);
    pool.setMinimumIdle(1);
    return pool;
  }
}
