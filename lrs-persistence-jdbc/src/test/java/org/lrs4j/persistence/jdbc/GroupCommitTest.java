package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * failing batch leaves no row behind and does not stop the others.
 */
class GroupCommitTest {

  @TempDir Path folder;

  private Jdbi jdbi;
  private GroupCommit groupCommit;
  private ExecutorService executor;

  @BeforeEach
  void openDatabase() {
    jdbi = Jdbi.create("jdbc:sqlite:" + folder.resolve("group.db"));
    jdbi.useHandle(handle -> handle.execute("CREATE TABLE row_value (value INTEGER NOT NULL)"));
    groupCommit = new GroupCommit(jdbi);
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
                    List.of(1),
                    1,
                    (sql, values) -> {
                      firstWriting.countDown();
                      await(releaseFirst);
                      insert(sql, values);
                    }));
    firstWriting.await(10, TimeUnit.SECONDS);

    List<Future<?>> queued = new ArrayList<>();
    queued.add(
        executor.submit(() -> groupCommit.write(List.of(10, 11), 2, GroupCommitTest::insert)));
    queued.add(
        executor.submit(() -> groupCommit.write(List.of(20, -1), 2, GroupCommitTest::insert)));
    queued.add(executor.submit(() -> groupCommit.write(List.of(30), 1, GroupCommitTest::insert)));
    Thread.sleep(200);
    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    queued.get(0).get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> queued.get(1).get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("negative value: -1");
    queued.get(2).get(10, TimeUnit.SECONDS);
    assertThat(values()).containsExactly(1, 10, 11, 30);
  }

  @Test
  void failureReachesCallerAlone() {
    assertThatThrownBy(() -> groupCommit.write(List.of(5, -2), 2, GroupCommitTest::insert))
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
