package org.lrs4j.persistence.jdbc;

import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Commit-order bookkeeping of statement writes. It returns to a reader which statements have
 * settled: the sequence below which no write is still in progress, and the {@code stored} time
 * through which every statement, present or future, is visible. Each dialect implements it the way
 * its concurrency model needs. Implementations are thread safe.
 */
interface StatementWatermark {

  /** A write registered before its transaction starts; closing it ends the registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Registers a batch whose oldest statement has the given {@code stored} time, before its
   * transaction begins. The caller closes the registration after the transaction ends.
   */
  Registration register(Instant oldestStored);

  /**
   * Marks the batch as in progress inside its transaction. The caller runs this before the
   * transaction takes any sequence value.
   */
  void enterTransaction(Handle handle, Instant oldestStored);

  /** Reads what has settled. A query that uses the result must run after this on the handle. */
  Settled read(Handle handle);

  /**
   * The bounds a reader may rely on.
   *
   * @param maxSequence every statement with a sequence at or below this one is committed or will
   *     never exist; {@link Long#MAX_VALUE} when the dialect needs no bound
   * @param consistentThrough every statement with {@code stored} at or before this time is visible,
   *     and no statement stored later gets a time at or before it
   */
  record Settled(long maxSequence, Instant consistentThrough) {

    public Settled {
      Objects.requireNonNull(consistentThrough, "consistentThrough");
    }
  }
}
