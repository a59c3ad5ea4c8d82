package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Activity definitions and agent names recorded by the statement batch, read back through the
 * store's repositories. Each database's test extends this class and opens a store over empty
 * storage.
 */
abstract class ActivityAndAgentStoreTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  private static final AgentKey ALICE = new AgentKey("mbox", "mailto:alice@example.com");

  private JdbcStore store;
  private int statements;

  /** Opens a store over storage that contains no statements. */
  protected abstract JdbcStore openEmptyStore();

  @BeforeEach
  void openStore() {
    store = openEmptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void definitionIsMergedAcrossStatements() throws Exception {
    store(activityStatement(UUID.randomUUID(), "Alice", "{'name':{'en-US':'Course'}}"));
    store(
        activityStatement(
            UUID.randomUUID(), "Alice", "{'name':{'de-DE':'Kurs'},'type':'http://t/course'}"));

    assertThat(store.activities().findDefinition("http://example.com/course"))
        .contains(json("{'name':{'en-US':'Course','de-DE':'Kurs'},'type':'http://t/course'}"));
  }

  @Test
  void contextActivityWithoutDefinitionIsKnown() throws Exception {
    store(
        json(
            "{'id':'%s','actor':{'mbox':'mailto:a@example.com'},'verb':{'id':'http://v'},"
                    .formatted(UUID.randomUUID())
                + "'object':{'id':'http://example.com/course'},"
                + "'context':{'contextActivities':{'parent':[{'id':'http://example.com/program'}]}}}"));

    assertThat(store.activities().findDefinition("http://example.com/program"))
        .contains(MAPPER.createObjectNode());
    assertThat(store.activities().findDefinition("http://example.com/unknown")).isEmpty();
  }

  @Test
  void namesAreListedInStoredOrder() throws Exception {
    store(activityStatement(UUID.randomUUID(), "Alice Smith", "{}"));
    store(activityStatement(UUID.randomUUID(), "Alice", "{}"));
    store(activityStatement(UUID.randomUUID(), "Alice Smith", "{}"));

    assertThat(store.agents().namesOf(ALICE)).containsExactly("Alice Smith", "Alice");
    assertThat(store.agents().namesOf(new AgentKey("mbox", "mailto:bob@example.com"))).isEmpty();
  }

  @Test
  void resentStatementKeepsNewerDefinition() throws Exception {
    UUID first = UUID.randomUUID();
    ObjectNode original = activityStatement(first, "Alice", "{'type':'http://t/old'}");
    store(original);
    store(activityStatement(UUID.randomUUID(), "Alice", "{'type':'http://t/new'}"));

    store(original);

    assertThat(store.activities().findDefinition("http://example.com/course"))
        .contains(json("{'type':'http://t/new'}"));
  }

  @Test
  void rejectedBatchRecordsNothing() throws Exception {
    UUID id = UUID.randomUUID();
    store(activityStatement(id, "Alice", "{'type':'http://t/first'}"));
    ObjectNode other = activityStatement(UUID.randomUUID(), "Carol", "{'type':'http://t/x'}");
    other.set("actor", json("{'mbox':'mailto:carol@example.com','name':'Carol'}"));
    ObjectNode conflicting = activityStatement(id, "Someone else", "{'type':'http://t/second'}");

    assertThatThrownBy(
            () ->
                store
                    .statements()
                    .store(
                        List.of(newStatement(other), newStatement(conflicting)),
                        (stored, incoming) -> stored.equals(incoming)))
        .isInstanceOf(ConflictException.class);

    assertThat(store.agents().namesOf(new AgentKey("mbox", "mailto:carol@example.com"))).isEmpty();
    assertThat(store.activities().findDefinition("http://example.com/course"))
        .contains(json("{'type':'http://t/first'}"));
  }

  @Test
  void concurrentBatchesMergeOneNewActivity() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);

    try {
      for (int round = 0; round < 10; round++) {
        String activity = "http://example.com/race/" + round;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<?>> stores = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
          ObjectNode json =
              json(
                  ("{'id':'%s','actor':{'mbox':'mailto:w%d@example.com','name':'Writer %d'},"
                          + "'verb':{'id':'http://v'},"
                          + "'object':{'id':'%s','definition':{'name':{'x-w%d':'name %d'}}}}")
                      .formatted(UUID.randomUUID(), writer, writer, activity, writer, writer));
          NewStatement statement = newStatement(json);
          stores.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    store.statements().store(List.of(statement), (stored, incoming) -> true);
                    return null;
                  }));
        }
        for (Future<?> stored : stores) {
          stored.get(60, TimeUnit.SECONDS);
        }

        ObjectNode definition = store.activities().findDefinition(activity).orElseThrow();
        assertThat(definition.path("name").size()).as("languages of %s", activity).isEqualTo(4);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private ObjectNode activityStatement(UUID id, String actorName, String definition)
      throws Exception {
    return json(
        ("{'id':'%s','actor':{'mbox':'mailto:alice@example.com','name':'%s'},"
                + "'verb':{'id':'http://v'},"
                + "'object':{'id':'http://example.com/course','definition':%s}}")
            .formatted(id, actorName, definition));
  }

  private void store(ObjectNode json) {
    store.statements().store(List.of(newStatement(json)), (stored, incoming) -> true);
  }

  private NewStatement newStatement(ObjectNode json) {
    Statement statement = new Statement(json);
    statements++;
    return new NewStatement(
        statement, json.toString(), START.plusSeconds(statements), StatementIndex.of(statement));
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
  }
}
