package org.lrs4j.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the batches of concurrent callers in one transaction, so that many small writes share one
 * commit. Each caller returns only after the transaction holding its batch has committed.
 *
 * <p>Callers queue their batch and take turns holding a lock. The holder writes every queued batch
 * (up to {@link #MAX_GROUP_STATEMENTS} statements) in one transaction, each batch under its own
 * savepoint: a batch that fails is rolled back to its savepoint and its caller gets the failure,
 * while the other batches commit. So every batch stays all or nothing, and a batch sees the batches
 * queued before it as already stored, exactly as if they had committed one by one.
 *
 * <p>The transaction first runs the start step with the oldest {@code stored} time of all its
 * batches, before any savepoint, so what the step registers covers every batch of the group and
 * stays in place when one batch rolls back. Thread safe.
 */
final class GroupCommit {

  /** Writes one batch on the connection of the open transaction. */
  @FunctionalInterface
  interface BatchWriter {
    void write(Handle handle, SqlStatements sql);
  }

  /** Runs first in each group transaction, with the oldest {@code stored} time of the group. */
  @FunctionalInterface
  interface TransactionStart {
    void enter(Handle handle, Instant oldestStored);
  }

  /** Maximum number of statements in one group transaction, unless a single batch is larger. */
  static final int MAX_GROUP_STATEMENTS = 5000;

  private final Jdbi writer;
  private final TransactionStart start;
  private final ReentrantLock turn = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(Jdbi writer, TransactionStart start) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.start = Objects.requireNonNull(start, "start");
  }

  /**
   * Writes the batch, perhaps together with other callers' batches, and returns after the commit.
   *
   * @param oldestStored the oldest {@code stored} time of the batch
   * @param size the number of statements in the batch, which bounds the group
   * @throws RuntimeException the failure of this batch, or of the commit of its group
   */
  void write(Instant oldestStored, int size, BatchWriter batchWriter) {
    Pending mine = new Pending(oldestStored, size, batchWriter);
    queue.add(mine);
    turn.lock();
    try {
      while (!mine.done) {
        writeGroup(takeGroup());
      }
    } finally {
      turn.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  private List<Pending> takeGroup() {
    List<Pending> group = new ArrayList<>();
    int statements = 0;
    Pending next = queue.peek();
    while (next != null && (group.isEmpty() || statements + next.size <= MAX_GROUP_STATEMENTS)) {
      group.add(queue.poll());
      statements += next.size;
      next = queue.peek();
    }
    return group;
  }

  private void writeGroup(List<Pending> group) {
    Instant oldest =
        group.stream().map(pending -> pending.oldestStored).min(Comparator.naturalOrder()).get();
    try {
      writer.useTransaction(
          handle -> {
            start.enter(handle, oldest);
            try (SqlStatements sql = new SqlStatements(handle.getConnection())) {
              if (group.size() == 1) {
                group.get(0).batchWriter.write(handle, sql);
              } else {
                writeEachUnderSavepoint(handle, sql, group);
              }
            }
          });
    } catch (RuntimeException e) {
      group.stream().filter(pending -> pending.failure == null).forEach(p -> p.failure = e);
    } catch (SQLException e) {
      IllegalStateException failure =
          new IllegalStateException("closing the statements of a write failed", e);
      group.stream().filter(pending -> pending.failure == null).forEach(p -> p.failure = failure);
    }
    group.forEach(pending -> pending.done = true);
  }

  private static void writeEachUnderSavepoint(Handle handle, SqlStatements sql, List<Pending> group)
      throws SQLException {
    Connection connection = handle.getConnection();
    for (Pending pending : group) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        pending.batchWriter.write(handle, sql);
        connection.releaseSavepoint(savepoint);
      } catch (RuntimeException e) {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
        pending.failure = e;
      }
    }
  }

  /** A queued batch; its mutable fields are read and written only while holding the turn. */
  private static final class Pending {
    private final Instant oldestStored;
    private final int size;
    private final BatchWriter batchWriter;
    private boolean done;
    private RuntimeException failure;

    Pending(Instant oldestStored, int size, BatchWriter batchWriter) {
      this.oldestStored = Objects.requireNonNull(oldestStored, "oldestStored");
      this.size = size;
      this.batchWriter = batchWriter;
    }
  }
}
