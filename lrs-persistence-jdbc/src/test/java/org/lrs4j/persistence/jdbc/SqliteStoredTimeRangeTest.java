package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementIndex;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Checks {@code since} and {@code until} on SQLite when {@code stored} does not grow with the
 * sequence, which the sequence bounds of the time-range query must survive.
 */
class SqliteStoredTimeRangeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

  @TempDir Path folder;

  @Test
  void timeRangeMatchesEveryStatementWhenStoredIsOutOfOrder() {
    List<Long> storedSeconds = shuffledStoredSeconds(new Random(7));

    try (JdbcStore store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")))) {
      for (long seconds : storedSeconds) {
        store.statements().store(List.of(statement(seconds)), (a, b) -> true);
      }

      assertEveryTimeRangeMatches(store, storedSeconds);
    }
  }

  @Test
  void migrationBoundsStatementsStoredBeforeIt() {
    DatabaseSettings settings = DatabaseSettings.sqlite(folder.resolve("lrs.db"));
    List<Long> storedSeconds = shuffledStoredSeconds(new Random(11));
    migrateTo(settings, "5");
    Jdbi jdbi = Jdbi.create(settings.url());
    jdbi.useHandle(
        handle -> {
          for (long seconds : storedSeconds) {
            handle
                .createUpdate(
                    "INSERT INTO statement (id, stored_millis, voiding, voided, json)"
                        + " VALUES (:id, :stored, 0, 0, :json)")
                .bind("id", UUID.randomUUID().toString())
                .bind("stored", START.plusSeconds(seconds).toEpochMilli())
                .bind("json", statement(seconds).json())
                .execute();
          }
        });

    try (JdbcStore store = JdbcStore.open(settings)) {
      assertEveryTimeRangeMatches(store, storedSeconds);
    }
  }

  /**
   * Returns stored times, in seconds after {@link #START}, in the order they are written: mostly
   * growing, with late batches, repeated times and a run of much older imported times.
   */
  private static List<Long> shuffledStoredSeconds(Random random) {
    List<Long> seconds = new ArrayList<>();
    for (long second = 1000; second < 1060; second++) {
      seconds.add(second + random.nextInt(5) - 2);
    }
    for (long second = 10; second < 20; second++) {
      seconds.add(second);
    }
    for (long second = 1060; second < 1080; second++) {
      seconds.add(random.nextInt(3) == 0 ? second - 30 : second);
    }
    return seconds;
  }

  /**
   * Walks the time ranges between the stored times, and a few outside them, in both orders, and
   * compares each with a scan of every statement.
   */
  private static void assertEveryTimeRangeMatches(JdbcStore store, List<Long> storedSeconds) {
    List<Long> bounds = new ArrayList<>(storedSeconds);
    bounds.addAll(List.of(0L, 5L, 999L, 2000L));
    List<Instant> times = bounds.stream().distinct().sorted().map(START::plusSeconds).toList();
    List<Instant> sinceValues = new ArrayList<>(times);
    sinceValues.add(null);
    List<Instant> untilValues = new ArrayList<>();
    for (int i = 0; i < times.size(); i += 4) {
      untilValues.add(times.get(i));
    }
    untilValues.add(null);

    for (Instant since : sinceValues) {
      for (Instant until : untilValues) {
        for (boolean ascending : List.of(false, true)) {
          StatementFilter filter =
              new StatementFilter(
                  null, false, null, null, false, null, since, until, ascending, null);
          assertThat(walk(store, filter, 7))
              .as("since %s, until %s, ascending %s", since, until, ascending)
              .containsExactlyElementsOf(expected(store, filter));
        }
      }
    }
  }

  private static List<Long> walk(JdbcStore store, StatementFilter filter, int limit) {
    List<Long> walked = new ArrayList<>();
    StatementPage page = store.statements().find(filter, limit);
    while (true) {
      page.statements().forEach(statement -> walked.add(statement.sequence()));
      if (page.next().isEmpty()) {
        return walked;
      }
      page = store.statements().find(filter.after(page.next().get()), limit);
    }
  }

  /** Returns the sequence numbers the filter must return, found by reading every statement. */
  private static List<Long> expected(JdbcStore store, StatementFilter filter) {
    List<StoredStatement> all = store.statements().find(StatementFilter.all(), 10_000).statements();
    Comparator<Long> order =
        filter.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
    return all.stream()
        .filter(s -> filter.since() == null || s.stored().isAfter(filter.since()))
        .filter(s -> filter.until() == null || !s.stored().isAfter(filter.until()))
        .map(StoredStatement::sequence)
        .sorted(order)
        .toList();
  }

  private static void migrateTo(DatabaseSettings settings, String version) {
    Flyway.configure()
        .dataSource(settings.url(), null, null)
        .locations(new SqliteDialect().migrationLocation())
        .target(version)
        .load()
        .migrate();
  }

  private static NewStatement statement(long storedSeconds) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor").put("mbox", "mailto:learner@example.com");
    json.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
    json.putObject("object").put("id", "http://example.com/courses/algebra");
    Instant stored = START.plusSeconds(storedSeconds);
    json.put("stored", stored.toString());
    Statement statement = new Statement(json);
    return new NewStatement(statement, json.toString(), stored, StatementIndex.of(statement));
  }
}
