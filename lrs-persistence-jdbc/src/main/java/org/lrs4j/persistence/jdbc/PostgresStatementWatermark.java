package org.lrs4j.persistence.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watermark for PostgreSQL, where write transactions from many processes run at once and commit in
 * any order. A sequence value is taken when a row is inserted, not when it commits, so a reader may
 * see sequence 12 committed while 11 is still in flight. A cursor that had moved past 11 would skip
 * it for good, and a {@code stored} promise made at that moment could be broken by 11.
 *
 * <p>Every write transaction therefore announces itself in the database before it takes a sequence
 * value, with two shared transaction-level advisory locks. PostgreSQL lists advisory locks in
 * {@code pg_locks} for every session at once, without waiting for a commit, and releases them when
 * the transaction ends in any way, including a crash of the client process.
 *
 * <ul>
 *   <li>The sequence lock's key is the next value of {@code statement_seq}, read without taking it
 *       just before taking the lock. Every value the transaction takes afterwards is at or above
 *       it, because the sequence has {@code CACHE 1}.
 *   <li>The time lock's key is the oldest {@code stored} time of the batch, in milliseconds.
 * </ul>
 *
 * <p>A reader first reads the sequence's last value R, then the smallest lock keys. A transaction
 * holding a sequence value at or below R took it before R was read, so its lock was already listed
 * when the reader looked, unless it had ended. Every sequence at or below {@code min(R, smallest
 * sequence key - 1)} is therefore committed or rolled back, and a query that starts afterwards sees
 * every committed one. Queries return nothing above it, so a {@code more} cursor never passes a
 * statement that commits later.
 *
 * <p>The {@code stored} promise is {@code min(smallest time key - 1 ms, database time - margin)}.
 * The margin covers the moment between the statement service reading its clock and the batch taking
 * its locks (pool wait included), and the clock difference between the servers and the database.
 * Each batch checks this after taking its locks: when its {@code stored} time is not newer than
 * {@code database time - margin}, a promise made before the locks may already cover it, so the
 * batch fails and stores nothing.
 */
final class PostgresStatementWatermark implements StatementWatermark {

  private static final int VALUE_BITS = 48;
  private static final long VALUE_LIMIT = 1L << VALUE_BITS;
  // The top 16 bits of a lock key tell LRS4J's locks apart from other advisory locks on the
  // database, such as the one Flyway takes while it migrates.
  private static final long SEQUENCE_TAG = 0x4C53L << VALUE_BITS;
  private static final long TIME_TAG = 0x4C54L << VALUE_BITS;

  private static final String ENTER =
      "SELECT pg_advisory_xact_lock_shared("
          + ":sequenceTag + last_value + CASE WHEN is_called THEN 1 ELSE 0 END),"
          + " pg_advisory_xact_lock_shared(:timeKey),"
          + " floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
          + " FROM statement_seq";

  private static final String LAST_SEQUENCE =
      "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM statement_seq";

  private static final String SMALLEST_KEYS =
      "SELECT min(k) FILTER (WHERE k >= :sequenceTag AND k < :sequenceTag + :valueLimit),"
          + " min(k) FILTER (WHERE k >= :timeTag AND k < :timeTag + :valueLimit),"
          + " floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
          + " FROM (SELECT (l.classid::bigint << 32) | l.objid::bigint AS k FROM pg_locks l"
          + " WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.database ="
          + " (SELECT oid FROM pg_database WHERE datname = current_database())) keys";

  private static final Logger log = LoggerFactory.getLogger(PostgresStatementWatermark.class);
  private static final Duration LATE_REPORT_INTERVAL = Duration.ofMinutes(1);

  private final Duration margin;
  private final AtomicLong lastLateReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
  private final AtomicLong lateBatches = new AtomicLong();

  PostgresStatementWatermark(Duration margin) {
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  @Override
  public Registration register(Instant oldestStored) {
    return () -> {};
  }

  @Override
  public void enterTransaction(Handle handle, Instant oldestStored) {
    long stored = oldestStored.toEpochMilli();
    if (stored < 0 || stored >= VALUE_LIMIT) {
      throw new IllegalArgumentException(
          "stored: must lie between 1970 and the year 10889 (value: " + oldestStored + ")");
    }

    long databaseNow =
        handle
            .createQuery(ENTER)
            .bind("sequenceTag", SEQUENCE_TAG)
            .bind("timeKey", TIME_TAG + stored)
            .map((rs, ctx) -> rs.getLong(3))
            .one();

    if (stored <= databaseNow - margin.toMillis()) {
      reportLateBatch(oldestStored, databaseNow - stored);
    }
  }

  /**
   * Logs a batch whose {@code stored} time a promise made before it took its locks may cover, at
   * most once a minute. Imports of old statements do this by design; on the live write path it
   * means overload or a server clock behind the database's.
   */
  private void reportLateBatch(Instant oldestStored, long ageMillis) {
    long now = System.nanoTime();
    long last = lastLateReport.get();
    long suppressed = lateBatches.incrementAndGet();
    if (now - last >= LATE_REPORT_INTERVAL.toNanos() && lastLateReport.compareAndSet(last, now)) {
      lateBatches.addAndGet(-suppressed);
      log.warn(
          "{} batches reached the database more than {} ms after their stored time, the last"
              + " {} ms after {}; X-Experience-API-Consistent-Through may not cover them. Old"
              + " stored times are expected from an import; otherwise check the server load and"
              + " the clocks.",
          suppressed,
          margin.toMillis(),
          ageMillis,
          oldestStored);
    }
  }

  @Override
  public Settled read(Handle handle) {
    long lastSequence = handle.createQuery(LAST_SEQUENCE).mapTo(Long.class).one();

    return handle
        .createQuery(SMALLEST_KEYS)
        .bind("sequenceTag", SEQUENCE_TAG)
        .bind("timeTag", TIME_TAG)
        .bind("valueLimit", VALUE_LIMIT)
        .map(
            (rs, ctx) -> {
              long sequenceKey = rs.getLong(1);
              boolean sequenceInFlight = !rs.wasNull();
              long timeKey = rs.getLong(2);
              boolean timeInFlight = !rs.wasNull();
              long databaseNow = rs.getLong(3);

              long maxSequence =
                  sequenceInFlight
                      ? Math.min(lastSequence, sequenceKey - SEQUENCE_TAG - 1)
                      : lastSequence;
              long throughMillis = databaseNow - margin.toMillis();
              if (timeInFlight) {
                throughMillis = Math.min(throughMillis, timeKey - TIME_TAG - 1);
              }
              return new Settled(maxSequence, Instant.ofEpochMilli(throughMillis));
            })
        .one();
  }
}
