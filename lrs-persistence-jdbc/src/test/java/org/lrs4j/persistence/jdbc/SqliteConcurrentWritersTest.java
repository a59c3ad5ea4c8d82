package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Two stores on one SQLite file stand for two processes: their writers must wait for each other on
 * the file lock instead of failing with SQLITE_BUSY.
 */
class SqliteConcurrentWritersTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void twoStoresWriteOneFileWithoutBusyErrors() throws Exception {
    DatabaseSettings settings = DatabaseSettings.sqlite(folder.resolve("lrs.db"));
    int batches = 40;
    int batchSize = 25;

    try (JdbcStore first = JdbcStore.open(settings);
        JdbcStore second = JdbcStore.open(settings)) {
      ExecutorService executor = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
          JdbcStore store = i % 2 == 0 ? first : second;
          List<NewStatement> batch = batch(batchSize);
          writes.add(executor.submit(() -> store.statements().store(batch, (a, b) -> true)));
          writes.add(executor.submit(() -> store.statements().find(StatementFilter.all(), 50)));
        }
        for (Future<?> write : writes) {
          write.get(120, TimeUnit.SECONDS);
        }
      } finally {
        executor.shutdownNow();
      }

      assertThat(first.statements().find(StatementFilter.all(), 5000).statements())
          .hasSize(batches * batchSize);
    }
  }

  private static List<NewStatement> batch(int size) {
    List<NewStatement> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ObjectNode json = MAPPER.createObjectNode();
      json.put("id", UUID.randomUUID().toString());
      json.putObject("actor").put("mbox", "mailto:learner" + i + "@example.com");
      json.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
      json.putObject("object").put("id", "http://example.com/courses/" + i);
      Instant stored = Instant.now();
      json.put("stored", stored.toString());
      Statement statement = new Statement(json);
      batch.add(new NewStatement(statement, json.toString(), stored, StatementIndex.of(statement)));
    }
    return batch;
  }
}
