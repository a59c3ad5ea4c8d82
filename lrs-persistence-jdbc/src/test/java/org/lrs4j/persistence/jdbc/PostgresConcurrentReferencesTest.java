package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementIndex;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Stores a statement and a statement that refers to it in two concurrent transactions, round after
 * round, once through one store (one server) and once through two stores with their own pools (two
 * servers on one database). The later transaction must see the earlier one whichever commits first.
 */
class PostgresConcurrentReferencesTest {

  private static final int ROUNDS = 30;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StatementEquivalence SAME = (stored, incoming) -> true;
  private static final String COMMENTED = "http://adlnet.gov/expapi/verbs/commented";

  private static PostgresTestDatabase database;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);
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
    threads.shutdownNow();
    first.close();
    second.close();
  }

  @Test
  void concurrentVoidingVoidsTargetInOneStore() throws Exception {
    assertConcurrentVoidingVoidsTarget(first.statements(), first.statements());
  }

  @Test
  void concurrentVoidingVoidsTargetAcrossStores() throws Exception {
    assertConcurrentVoidingVoidsTarget(first.statements(), second.statements());
  }

  @Test
  void concurrentReferenceInheritsKeysInOneStore() throws Exception {
    assertConcurrentReferenceInheritsKeys(first.statements(), first.statements());
  }

  @Test
  void concurrentReferenceInheritsKeysAcrossStores() throws Exception {
    assertConcurrentReferenceInheritsKeys(first.statements(), second.statements());
  }

  private void assertConcurrentVoidingVoidsTarget(
      StatementRepository targets, StatementRepository voidings) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String verb = "http://example.com/verbs/round-" + round;
      NewStatement target = statement(verb, activityObject());
      NewStatement voiding = statement(Statement.VOIDED_VERB, statementRef(id(target)));

      storeConcurrently(targets, target, voidings, voiding);

      StoredStatement stored = targets.findById(id(target)).orElseThrow();
      assertThat(stored.voided()).as("target of round %d voided", round).isTrue();
      // The voiding statement matches through the target's keys, and the voided target never.
      assertThat(ids(targets.find(verbFilter(verb), 10)))
          .as("statements with the target's verb in round %d", round)
          .containsExactly(id(voiding));
    }
  }

  private void assertConcurrentReferenceInheritsKeys(
      StatementRepository targets, StatementRepository referrers) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String verb = "http://example.com/verbs/round-" + round;
      NewStatement target = statement(verb, activityObject());
      NewStatement reference = statement(COMMENTED, statementRef(id(target)));

      storeConcurrently(targets, target, referrers, reference);

      assertThat(ids(referrers.find(verbFilter(verb), 10)))
          .as("statements with the target's verb in round %d", round)
          .containsExactlyInAnyOrder(id(target), id(reference));
    }
  }

  /** Stores the two statements from two threads that start together, and waits for both. */
  private void storeConcurrently(
      StatementRepository firstRepository,
      NewStatement firstStatement,
      StatementRepository secondRepository,
      NewStatement secondStatement)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Future<?> one =
        threads.submit(
            () -> {
              start.await();
              firstRepository.store(List.of(firstStatement), SAME);
              return null;
            });
    Future<?> other =
        threads.submit(
            () -> {
              start.await();
              secondRepository.store(List.of(secondStatement), SAME);
              return null;
            });

    start.countDown();
    one.get(30, TimeUnit.SECONDS);
    other.get(30, TimeUnit.SECONDS);
  }

  private static StatementFilter verbFilter(String verb) {
    return new StatementFilter(null, false, verb, null, false, null, null, null, false, null);
  }

  private static ObjectNode activityObject() {
    return MAPPER.createObjectNode().put("id", "http://example.com/courses/algebra");
  }

  private static ObjectNode statementRef(UUID target) {
    return MAPPER.createObjectNode().put("objectType", "StatementRef").put("id", target.toString());
  }

  private static NewStatement statement(String verb, ObjectNode object) {
    Instant stored = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor").put("mbox", "mailto:ada@example.com");
    json.putObject("verb").put("id", verb);
    json.set("object", object);
    json.put("stored", stored.toString());
    Statement statement = new Statement(json);
    return new NewStatement(statement, json.toString(), stored, StatementIndex.of(statement));
  }

  private static List<UUID> ids(StatementPage page) {
    return page.statements().stream().map(StoredStatement::id).toList();
  }

  private static UUID id(NewStatement statement) {
    return statement.statement().id();
  }
}
