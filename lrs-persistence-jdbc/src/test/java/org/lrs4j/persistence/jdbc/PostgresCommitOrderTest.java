package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementIndex;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Two stores with their own pools stand for two server processes on one PostgreSQL database, and a
 * third connection holds a write transaction open the way a slow writer would: it has taken its
 * sequence value, while later batches commit around it.
 */
class PostgresCommitOrderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StatementEquivalence SAME = (stored, incoming) -> true;
  private static final StatementFilter ASCENDING =
      new StatementFilter(null, false, null, null, false, null, null, null, true, null);

  private static PostgresTestDatabase database;

  private JdbcStore first;
  private JdbcStore second;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void openStores() {
    database.truncate();
    first = JdbcStore.open(database.settings());
    second = JdbcStore.open(database.settings());
  }

  @AfterEach
  void closeStores() {
    first.close();
    second.close();
  }

  @Test
  void queriesStopBelowOpenTransaction() {
    NewStatement early = statement(Instant.now());
    first.statements().store(List.of(early), SAME);
    NewStatement late = statement(Instant.now());

    try (Handle held = openWriter()) {
      holdOpen(held, late);
      List<UUID> later = storeThree(second);

      assertThat(ids(first.statements().find(StatementFilter.all(), 10)))
          .containsExactly(id(early));
      assertThat(ids(second.statements().find(ASCENDING, 10))).containsExactly(id(early));
      assertThat(later).hasSize(3);
      held.commit();
    }
  }

  @Test
  void cursorResumesWithLateCommit() {
    NewStatement early = statement(Instant.now());
    first.statements().store(List.of(early), SAME);
    NewStatement late = statement(Instant.now());
    List<UUID> later;
    StatementPage firstPage;

    try (Handle held = openWriter()) {
      holdOpen(held, late);
      later = storeThree(second);
      firstPage = first.statements().find(ASCENDING, 1);
      held.commit();
    }
    long cursor = firstPage.statements().get(0).sequence();
    StatementPage rest = second.statements().find(ASCENDING.after(cursor), 10);

    List<UUID> expected = new ArrayList<>(List.of(id(late)));
    expected.addAll(later);
    assertThat(ids(firstPage)).containsExactly(id(early));
    assertThat(ids(rest)).containsExactlyElementsOf(expected);
  }

  @Test
  void consistentThroughStaysBeforeOpenTransaction() {
    // Older than the margin, so only the open transaction's lock can hold the promise back.
    Instant lateStored = Instant.now().minus(PostgresDialect.CONSISTENCY_MARGIN).minusSeconds(5);
    NewStatement late = statement(lateStored);
    Instant whileOpen;

    try (Handle held = openWriter()) {
      holdOpen(held, late);
      storeThree(second);
      whileOpen = first.statements().consistentThrough();
      held.commit();
    }
    Instant afterCommit = second.statements().consistentThrough();

    assertThat(whileOpen).isBefore(late.stored());
    assertThat(afterCommit).isAfterOrEqualTo(late.stored());
  }

  @Test
  void consistentThroughTrailsDatabaseClockByMargin() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    Instant consistentThrough = first.statements().consistentThrough();
    Instant after = Instant.now();

    // The database runs on this machine, so its clock is this JVM's clock.
    assertThat(consistentThrough)
        .isBetween(
            before.minus(PostgresDialect.CONSISTENCY_MARGIN),
            after.minus(PostgresDialect.CONSISTENCY_MARGIN));
  }

  private static Handle openWriter() {
    DatabaseSettings settings = database.settings();
    Handle handle = Jdbi.create(settings.url(), settings.user(), settings.password()).open();
    handle.begin();
    return handle;
  }

  /** Runs a batch write on the handle up to, but not including, its commit. */
  private static void holdOpen(Handle handle, NewStatement statement) {
    new PostgresStatementWatermark(PostgresDialect.CONSISTENCY_MARGIN)
        .enterTransaction(handle, statement.stored());
    try (SqlStatements sql = new SqlStatements(handle.getConnection())) {
      new StatementBatchWrite(sql, new PostgresDialect(), MAPPER).store(List.of(statement), SAME);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<UUID> storeThree(JdbcStore store) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      NewStatement statement = statement(Instant.now());
      store.statements().store(List.of(statement), SAME);
      ids.add(id(statement));
    }
    return ids;
  }

  private static List<UUID> ids(StatementPage page) {
    return page.statements().stream().map(StoredStatement::id).toList();
  }

  private static UUID id(NewStatement statement) {
    return statement.statement().id();
  }

  private static NewStatement statement(Instant storedTime) {
    Instant stored = storedTime.truncatedTo(ChronoUnit.MILLIS);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor").put("mbox", "mailto:ada@example.com");
    json.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
    json.putObject("object").put("id", "http://example.com/courses/algebra");
    json.put("stored", stored.toString());
    Statement statement = new Statement(json);
    return new NewStatement(statement, json.toString(), stored, StatementIndex.of(statement));
  }
}
