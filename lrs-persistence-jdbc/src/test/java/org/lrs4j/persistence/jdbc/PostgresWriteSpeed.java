package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Rough write speed on PostgreSQL: the same statements stored through the repository and through
 * plain JDBC batches of the same rows, one thread, one transaction per batch. Not a test; run with
 * {@code java -cp <test class path> org.lrs4j.persistence.jdbc.PostgresWriteSpeed [count] [batch]}
 * and the {@code LRS_TEST_POSTGRES_*} variables set. The benchmark module measures this properly.
 */
public final class PostgresWriteSpeed {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PostgresWriteSpeed() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    List<List<NewStatement>> batches = batches(count, batchSize);

    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      for (int round = 0; round < 2; round++) {
        database.truncate();
        double repository = repository(database, batches);
        database.truncate();
        double plain = plainJdbc(database, batches);
        System.out.printf(
            "round %d: %d statements in batches of %d: repository %.0f/s, plain JDBC %.0f/s,"
                + " ratio %.2f%n",
            round, count, batchSize, repository, plain, repository / plain);
      }
    }
  }

  private static double repository(
      PostgresTestDatabase database, List<List<NewStatement>> batches) {
    try (JdbcStore store = JdbcStore.open(database.settings())) {
      long start = System.nanoTime();
      for (List<NewStatement> batch : batches) {
        store.statements().store(batch, (a, b) -> true);
      }
      return rate(batches, start);
    }
  }

  private static double plainJdbc(PostgresTestDatabase database, List<List<NewStatement>> batches)
      throws Exception {
    DatabaseSettings settings = database.settings();
    try (Connection connection =
        DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
      connection.setAutoCommit(false);
      long start = System.nanoTime();
      for (List<NewStatement> batch : batches) {
        insertPlain(connection, batch);
        connection.commit();
      }
      return rate(batches, start);
    }
  }

  private static void insertPlain(Connection connection, List<NewStatement> batch)
      throws Exception {
    List<Long> sequences = new ArrayList<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO statement (id, stored_millis, statement_ref, voiding, voided, json)"
                + " VALUES (?, ?, NULL, 0, 0, ?)",
            new String[] {"seq"})) {
      for (NewStatement statement : batch) {
        insert.setObject(1, statement.statement().id());
        insert.setLong(2, statement.stored().toEpochMilli());
        insert.setString(3, statement.json());
        insert.addBatch();
      }
      insert.executeBatch();
      try (var keys = insert.getGeneratedKeys()) {
        while (keys.next()) {
          sequences.add(keys.getLong(1));
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO statement_key (kind, key_value, seq) VALUES (?, ?, ?)")) {
      for (int i = 0; i < batch.size(); i++) {
        for (StatementKey key : StatementKey.of(batch.get(i).index())) {
          insert.setInt(1, key.kind().code());
          insert.setString(2, key.value());
          insert.setLong(3, sequences.get(i));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static double rate(List<List<NewStatement>> batches, long start) {
    int statements = batches.stream().mapToInt(List::size).sum();
    return statements / ((System.nanoTime() - start) / 1e9);
  }

  /** Returns statements of about 1.5 KB over a small pool of actors and activities. */
  private static List<List<NewStatement>> batches(int count, int batchSize) {
    Random random = new Random(42);
    List<List<NewStatement>> batches = new ArrayList<>();
    List<NewStatement> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(statement(random));
      if (batch.size() == batchSize) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private static NewStatement statement(Random random) {
    Instant stored = Instant.now();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor")
        .put("mbox", "mailto:learner" + random.nextInt(1000) + "@example.com")
        .put("name", "Learner");
    json.putObject("verb")
        .put("id", "http://adlnet.gov/expapi/verbs/completed")
        .putObject("display")
        .put("en-US", "completed");
    ObjectNode object = json.putObject("object");
    object.put("id", "http://example.com/courses/" + random.nextInt(200));
    object
        .putObject("definition")
        .put("description", "x".repeat(900))
        .putObject("name")
        .put("en-US", "Course");
    ObjectNode context = json.putObject("context");
    context.put("registration", UUID.randomUUID().toString());
    context
        .putObject("contextActivities")
        .putArray("parent")
        .addObject()
        .put("id", "http://example.com/programs/" + random.nextInt(20));
    json.putObject("result").put("completion", true).putObject("score").put("scaled", 0.8);
    json.put("stored", stored.toString());
    Statement parsed = new Statement(json);
    return new NewStatement(parsed, json.toString(), stored, StatementIndex.of(parsed));
  }
}
