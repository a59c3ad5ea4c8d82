package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrs4j.core.statement.StatementFilter;

/** Checks with EXPLAIN QUERY PLAN that SQLite uses an index for every query filter. */
class SqliteQueryPlanTest {

  private static final String AGENT = "mbox|mailto:alice@example.com";
  private static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
  private static final String ACTIVITY = "http://example.com/courses/algebra";
  private static final UUID REGISTRATION = UUID.randomUUID();
  private static final Instant SINCE = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant UNTIL = Instant.parse("2024-03-02T10:00:00Z");

  @TempDir static Path folder;

  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    DatabaseSettings settings = DatabaseSettings.sqlite(folder.resolve("lrs.db"));
    JdbcStore.migrate(settings);
    jdbi = Jdbi.create(settings.url());
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("agent", filter(AGENT, false, null, null, false, null, null, null)),
        Arguments.of("related agents", filter(AGENT, true, null, null, false, null, null, null)),
        Arguments.of("verb", filter(null, false, VERB, null, false, null, null, null)),
        Arguments.of("activity", filter(null, false, null, ACTIVITY, false, null, null, null)),
        Arguments.of(
            "related activities", filter(null, false, null, ACTIVITY, true, null, null, null)),
        Arguments.of(
            "registration", filter(null, false, null, null, false, REGISTRATION, null, null)),
        Arguments.of("since", filter(null, false, null, null, false, null, SINCE, null)),
        Arguments.of("until", filter(null, false, null, null, false, null, null, UNTIL)),
        Arguments.of("since and until", filter(null, false, null, null, false, null, SINCE, UNTIL)),
        Arguments.of(
            "agent, verb, activity, registration and times",
            filter(AGENT, true, VERB, ACTIVITY, true, REGISTRATION, SINCE, UNTIL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterIsAnsweredFromIndex(String name, StatementFilter filter) {
    for (StatementFilter variant : variants(filter)) {
      List<String> plan = explain(StatementQuerySql.of(new SqliteDialect(), variant, 11));

      assertThat(plan).as("plan of %s", name).noneMatch(SqliteQueryPlanTest::isFullScan);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void keyFilterNeedsNoSort(String name, StatementFilter filter) {
    if (filter.since() != null || filter.until() != null) {
      return;
    }
    List<String> plan = explain(StatementQuerySql.of(new SqliteDialect(), filter, 11));

    assertThat(plan).as("plan of %s", name).noneMatch(line -> line.contains("TEMP B-TREE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void timeFilterWalksSequenceWithoutSort(String name, StatementFilter filter) {
    if (filter.agent() != null || filter.since() == null && filter.until() == null) {
      return;
    }
    for (StatementFilter variant : variants(filter)) {
      List<String> plan = explain(StatementQuerySql.of(new SqliteDialect(), variant, 11));

      assertThat(plan).as("plan of %s", name).noneMatch(line -> line.contains("TEMP B-TREE"));
      assertThat(plan.get(0))
          .as("plan of %s", name)
          .startsWith("SEARCH s USING INTEGER PRIMARY KEY");
      assertThat(plan)
          .as("plan of %s", name)
          .allMatch(
              line ->
                  !line.contains(" INDEX ")
                      || line.contains("SEARCH p USING PRIMARY KEY")
                      || line.contains("SEARCH f USING PRIMARY KEY"));
    }
  }

  @Test
  void unfilteredQueryWalksSequenceWithoutSort() {
    StatementFilter all = StatementFilter.all();

    List<String> firstPage = explain(StatementQuerySql.of(new SqliteDialect(), all, 11));
    List<String> laterPage = explain(StatementQuerySql.of(new SqliteDialect(), all.after(100), 11));

    assertThat(firstPage).containsExactly("SCAN s");
    assertThat(laterPage).containsExactly("SEARCH s USING INTEGER PRIMARY KEY (rowid<?)");
  }

  /** Returns the filter as a first page and as a later page, in both orders. */
  private static List<StatementFilter> variants(StatementFilter filter) {
    StatementFilter ascending =
        new StatementFilter(
            filter.agent(),
            filter.relatedAgents(),
            filter.verb(),
            filter.activity(),
            filter.relatedActivities(),
            filter.registration(),
            filter.since(),
            filter.until(),
            true,
            null);
    return List.of(filter, filter.after(100), ascending, ascending.after(100));
  }

  private static boolean isFullScan(String line) {
    // "SCAN s" walks every statement; an index walk shows as "SEARCH ... USING" or
    // "SCAN ... USING INDEX".
    return line.matches(".*\\bSCAN (s|statement|k\\d+)\\b(?! USING).*");
  }

  private static List<String> explain(StatementQuerySql query) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("EXPLAIN QUERY PLAN " + query.sql())
                .bindMap(query.parameters())
                .map((rs, ctx) -> rs.getString("detail"))
                .list());
  }

  private static StatementFilter filter(
      String agent,
      boolean relatedAgents,
      String verb,
      String activity,
      boolean relatedActivities,
      UUID registration,
      Instant since,
      Instant until) {
    return new StatementFilter(
        agent,
        relatedAgents,
        verb,
        activity,
        relatedActivities,
        registration,
        since,
        until,
        false,
        null);
  }
}
