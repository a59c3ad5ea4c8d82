package org.lrs4j.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lrs4j.core.statement.StatementIndex;
import org.lrs4j.core.statement.StatementService;
import org.lrs4j.core.statement.WriteContext;

/**
 * The database's own limit: the rows the LRS would write for a set of statements, inserted into the
 * same schema through plain JDBC batches, with no HTTP, no validation, no JSON parsing and no
 * reads. All rows are built before the clock starts.
 */
final class JdbcLimit {

  /** The rows of one statement: the statement row and its query keys. */
  record Row(Object id, long storedMillis, String json, Object storedJson, List<Key> keys) {}

  /** One {@code statement_key} row without its sequence. */
  record Key(int kind, String value) {}

  /** Outcome of one run. */
  record Result(int statements, double seconds) {
    double perSecond() {
      return statements / seconds;
    }
  }

  private static final int TRANSACTION_SIZE = 1000;

  /**
   * Builds the stored form of {@code count} generated statements as the service and the target's
   * repository would, with the target's column values (compressed JSON on SQLite, for example).
   */
  static List<Row> rows(
      StatementGenerator generator, int count, ObjectMapper mapper, DatabaseTarget target) {
    WriteContext context = RunningLrs.writeContext(mapper);
    Instant stored = Instant.now();
    String storedText = StatementService.TIMESTAMP_FORMAT.format(stored);
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ObjectNode json = generator.next();
      json.put("stored", storedText);
      json.set("authority", context.authority().deepCopy());
      json.put("version", "1.0.0");
      org.lrs4j.core.model.Statement statement = new org.lrs4j.core.model.Statement(json);
      String text = serialize(mapper, json);
      rows.add(
          new Row(
              target.uuid(statement.id()),
              stored.toEpochMilli(),
              text,
              target.json(text),
              keys(StatementIndex.of(statement))));
    }
    return rows;
  }

  /**
   * Inserts the rows in transactions of 1000 statements and returns the time it took. The
   * connection has the session settings the LRS's own connections have.
   */
  Result run(Connection connection, List<Row> rows) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO statement (seq, id, stored_millis, statement_ref, voiding, voided,"
                    + " json) VALUES (?, ?, ?, NULL, 0, 0, ?)");
        PreparedStatement key =
            connection.prepareStatement(
                "INSERT INTO statement_key (kind, key_value, seq) VALUES (?, ?, ?)")) {
      for (int from = 0; from < rows.size(); from += TRANSACTION_SIZE) {
        List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + TRANSACTION_SIZE));
        insert(statement, key, chunk, from + 1);
        connection.commit();
      }
    }
    return new Result(rows.size(), (System.nanoTime() - start) / 1e9);
  }

  private static void insert(
      PreparedStatement statement, PreparedStatement key, List<Row> rows, long firstSeq)
      throws SQLException {
    long seq = firstSeq;
    for (Row row : rows) {
      statement.setLong(1, seq);
      statement.setObject(2, row.id());
      statement.setLong(3, row.storedMillis());
      statement.setObject(4, row.storedJson());
      statement.addBatch();
      for (Key k : row.keys()) {
        key.setInt(1, k.kind());
        key.setString(2, k.value());
        key.setLong(3, seq);
        key.addBatch();
      }
      seq++;
    }
    statement.executeBatch();
    key.executeBatch();
  }

  private static List<Key> keys(StatementIndex index) {
    List<Key> keys = new ArrayList<>();
    index.agents().forEach(value -> keys.add(new Key(1, value)));
    index.relatedAgents().forEach(value -> keys.add(new Key(2, value)));
    index.activities().forEach(value -> keys.add(new Key(3, value)));
    index.relatedActivities().forEach(value -> keys.add(new Key(4, value)));
    keys.add(new Key(5, index.verb()));
    index.registrationIfPresent().ifPresent(id -> keys.add(new Key(6, id.toString())));
    return keys;
  }

  private static String serialize(ObjectMapper mapper, ObjectNode json) {
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a generated statement could not be serialized", e);
    }
  }
}
