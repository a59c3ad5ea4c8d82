package org.lrs4j.persistence.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Watermark for SQLite, where one write transaction runs at a time on the whole file. Sequence
 * numbers are therefore handed out in commit order and need no bound. The {@code stored} bound
 * comes from the batches this process is writing.
 *
 * <p>This holds because every write of the database goes through this repository's one writer
 * connection: a batch that is not in flight has committed, and a committed statement is visible to
 * every read that starts afterwards.
 *
 * <p>NOTE: the statement service reads its clock for {@code stored} just before it calls the
 * repository, so for that short moment a batch is not yet registered here; and a second process
 * writing the same SQLite file is not seen at all.
 */
final class SqliteStatementWatermark implements StatementWatermark {

  private final InFlightWrites inFlight = new InFlightWrites();
  private final Clock clock;

  SqliteStatementWatermark(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Registration register(Instant oldestStored) {
    InFlightWrites.Write write = inFlight.begin(oldestStored);
    return write::close;
  }

  @Override
  public void enterTransaction(Handle handle, Instant oldestStored) {}

  @Override
  public Settled read(Handle handle) {
    Instant now = clock.instant();
    Instant consistentThrough =
        inFlight
            .oldest()
            .map(oldest -> oldest.minusMillis(1))
            .filter(bound -> bound.isBefore(now))
            .orElse(now);
    return new Settled(Long.MAX_VALUE, consistentThrough);
  }
}
