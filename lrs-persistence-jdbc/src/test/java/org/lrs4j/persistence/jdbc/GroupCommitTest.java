package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches queued while another is written share one transaction, yet each stays all or nothing: a
 * failing batch leaves no row behind and does not stop the others. Each transaction starts once,
 * with the oldest stored time of its batches.
 */
class GroupCommitTest {

  @TempDir Path folder;

  private Jdbi jdbi;
  private GroupCommit groupCommit;
  private ExecutorService executor;
  private final List<Instant> starts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void openDatabase() {
    jdbi = Jdbi.create("jdbc:sqlite:" + folder.resolve("group.db"));
    jdbi.useHandle(handle -> handle.execute("CREATE TABLE row_value (value INTEGER NOT NULL)"));
    groupCommit = new GroupCommit(jdbi, (handle, oldest) -> starts.add(oldest));
    executor = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stopThreads() {
    executor.shutdownNow();
  }

  @Test
  void failingBatchInGroupLeavesOthersStored() throws Exception {
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Future<?> first =
        executor.submit(
            () ->
                groupCommit.write(
                    at(5),
                    1,
                    (handle, sql) -> {
                      firstWriting.countDown();
                      await(releaseFirst);
                      insert(sql, List.of(1));
                    }));
    firstWriting.await(10, TimeUnit.SECONDS);

    List<Future<?>> queued = new ArrayList<>();
    queued.add(executor.submit(() -> groupCommit.write(at(7), 2, inserting(10, 11))));
    queued.add(executor.submit(() -> groupCommit.write(at(3), 2, inserting(20, -1))));
    queued.add(executor.submit(() -> groupCommit.write(at(9), 1, inserting(30))));
    Thread.sleep(200);
    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    queued.get(0).get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> queued.get(1).get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("negative value: -1");
    queued.get(2).get(10, TimeUnit.SECONDS);
    assertThat(values()).containsExactly(1, 10, 11, 30);
    assertThat(starts).containsExactly(at(5), at(3));
  }

  @Test
  void failureReachesCallerAlone() {
    assertThatThrownBy(() -> groupCommit.write(at(1), 2, inserting(5, -2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative value: -2");

    assertThat(values()).isEmpty();
  }

  private List<Integer> values() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT value FROM row_value ORDER BY value")
                .mapTo(Integer.class)
                .list());
  }

  private static Instant at(int second) {
    return Instant.ofEpochSecond(second);
  }

  private static GroupCommit.BatchWriter inserting(Integer... values) {
    return (handle, sql) -> insert(sql, List.of(values));
  }

  private static void insert(SqlStatements sql, List<Integer> values) {
    try {
      PreparedStatement insert = sql.prepare("INSERT INTO row_value (value) VALUES (?)");
      for (int value : values) {
        if (value < 0) {
          throw new IllegalArgumentException("negative value: " + value);
        }
        insert.setInt(1, value);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
