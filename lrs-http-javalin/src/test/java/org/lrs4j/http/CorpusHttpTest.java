package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.Corpus;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Posts the statement corpus singly and in batches, then reads it back through every filter. The
 * expected matches come from each stored statement's {@link StatementIndex}, following
 * StatementRefs and leaving out voided statements, as the xAPI query rules require.
 */
class CorpusHttpTest {

  private static final int SINGLY = 20;
  private static final int BATCH = 10;

  private static TestServer server;
  private static final List<ObjectNode> posted = new ArrayList<>();
  private static final Map<String, JsonNode> stored = new LinkedHashMap<>();
  private static final Set<String> voided = new LinkedHashSet<>();

  @BeforeAll
  static void postCorpus(@TempDir Path folder) {
    server = TestServer.start(folder);
    posted.addAll(Corpus.statements());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < posted.size(); i += i < SINGLY ? 1 : BATCH) {
      List<ObjectNode> chunk =
          posted.subList(i, Math.min(posted.size(), i + (i < SINGLY ? 1 : BATCH)));
      String body = chunk.size() == 1 ? chunk.get(0).toString() : chunk.toString();
      HttpResponse<String> response = server.post(body);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      json(response).forEach(id -> ids.add(id.asText()));
    }
    for (String id : ids) {
      HttpResponse<String> single = server.get(LrsServer.STATEMENTS + "?statementId=" + id);
      if (single.statusCode() == 404) {
        voided.add(id);
        single = server.get(LrsServer.STATEMENTS + "?voidedStatementId=" + id);
      }
      assertThat(single.statusCode()).as(id).isEqualTo(200);
      stored.put(id, json(single));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyStatementKeepsWhatWasSent() {
    List<String> ids = new ArrayList<>(stored.keySet());
    for (int i = 0; i < posted.size(); i++) {
      ObjectNode sent = wrapContextActivities(posted.get(i).deepCopy());
      JsonNode back = stored.get(ids.get(i));
      for (String property : new String[] {"actor", "verb", "object", "result", "context"}) {
        assertThat(back.get(property))
            .as(ids.get(i) + " " + property)
            .isEqualTo(sent.get(property));
      }
      if (sent.has("id")) {
        assertThat(back.get("id").asText()).isEqualTo(sent.get("id").asText().toLowerCase());
      }
      assertThat(back.has("stored")).isTrue();
      assertThat(back.at("/authority/account/homePage").asText()).isEqualTo(TestServer.HOME_PAGE);
    }
  }

  @Test
  void voidedStatementsAreHidden() {
    assertThat(voided).isNotEmpty();
    List<String> all = walk("");
    assertThat(all).doesNotContainAnyElementsOf(voided);
    assertThat(all).hasSize(stored.size() - voided.size());
  }

  @Test
  void listsReturnTheStoredJson() {
    HttpResponse<String> page = server.get(LrsServer.STATEMENTS);
    for (JsonNode statement : json(page).get("statements")) {
      assertThat(statement).isEqualTo(stored.get(statement.get("id").asText()));
    }
  }

  @Test
  void agentFilterMatchesActorAndObject() {
    for (JsonNode actor : distinct(statement -> statement.get("actor"))) {
      Optional<AgentKey> key = AgentKey.of(actor);
      if (key.isEmpty()) {
        continue;
      }
      String parameter = "agent=" + encode(actor.toString());
      assertQuery(parameter, index -> index.agents().contains(key.get().asString()));
      assertQuery(
          parameter + "&related_agents=true",
          index -> index.relatedAgents().contains(key.get().asString()));
    }
  }

  @Test
  void verbFilterMatches() {
    for (JsonNode verb : distinct(statement -> statement.at("/verb/id"))) {
      assertQuery("verb=" + encode(verb.asText()), index -> verb.asText().equals(index.verb()));
    }
  }

  @Test
  void activityFilterMatches() {
    Set<String> activities = new LinkedHashSet<>();
    for (JsonNode statement : stored.values()) {
      activities.addAll(index(statement).relatedActivities());
    }
    for (String activity : activities) {
      String parameter = "activity=" + encode(activity);
      assertQuery(parameter, index -> index.activities().contains(activity));
      assertQuery(
          parameter + "&related_activities=true",
          index -> index.relatedActivities().contains(activity));
    }
  }

  @Test
  void registrationFilterMatches() {
    List<JsonNode> registrations = distinct(statement -> statement.at("/context/registration"));
    assertThat(registrations).isNotEmpty();
    for (JsonNode registration : registrations) {
      UUID value = UUID.fromString(registration.asText());
      assertQuery("registration=" + value, index -> value.equals(index.registration()));
    }
  }

  @Test
  void sinceAndUntilSplitByStored() {
    for (JsonNode time : distinct(statement -> statement.get("stored"))) {
      String value = time.asText();
      List<String> since = walk("?since=" + encode(value));
      List<String> until = walk("?until=" + encode(value));

      assertThat(since)
          .as("since " + value)
          .containsExactlyInAnyOrderElementsOf(
              visibleWhere(
                  (id, statement) -> statement.get("stored").asText().compareTo(value) > 0));
      assertThat(until)
          .as("until " + value)
          .containsExactlyInAnyOrderElementsOf(
              visibleWhere(
                  (id, statement) -> statement.get("stored").asText().compareTo(value) <= 0));
    }
  }

  @Test
  void ascendingReversesTheOrder() {
    List<String> descending = walk("");
    List<String> ascending = walk("?ascending=true");

    List<String> reversed = new ArrayList<>(descending);
    java.util.Collections.reverse(reversed);
    assertThat(ascending).isEqualTo(reversed);
  }

  @Test
  void limitPagesCoverEverything() {
    List<String> whole = walk("");
    List<String> paged = walk("?limit=3");

    assertThat(paged).isEqualTo(whole);
  }

  /**
   * Applies the one rewrite the LRS makes to what is sent: a single context activity becomes an
   * array.
   */
  private static ObjectNode wrapContextActivities(ObjectNode statement) {
    for (JsonNode context : List.of(statement.path("context"), statement.at("/object/context"))) {
      if (context.get("contextActivities") instanceof ObjectNode activities) {
        activities
            .fieldNames()
            .forEachRemaining(
                kind -> {
                  JsonNode value = activities.get(kind);
                  if (value.isObject()) {
                    activities.putArray(kind).add(value);
                  }
                });
      }
    }
    return statement;
  }

  private void assertQuery(String query, Predicate<StatementIndex> filter) {
    List<String> returned = walk("?" + query);
    List<String> expected = visibleWhere((id, statement) -> matches(statement, filter, 0));

    assertThat(returned).as(query).doesNotHaveDuplicates();
    assertThat(returned).as(query).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static boolean matches(JsonNode statement, Predicate<StatementIndex> filter, int depth) {
    StatementIndex index = index(statement);
    if (filter.test(index)) {
      return true;
    }
    if (index.statementRef() == null || depth > 10) {
      return false;
    }
    JsonNode target = stored.get(index.statementRef().toString());
    return target != null && matches(target, filter, depth + 1);
  }

  private static List<String> visibleWhere(
      java.util.function.BiPredicate<String, JsonNode> condition) {
    List<String> ids = new ArrayList<>();
    stored.forEach(
        (id, statement) -> {
          if (!voided.contains(id) && condition.test(id, statement)) {
            ids.add(id);
          }
        });
    return ids;
  }

  private static List<JsonNode> distinct(java.util.function.Function<JsonNode, JsonNode> property) {
    Set<JsonNode> values = new LinkedHashSet<>();
    for (JsonNode statement : stored.values()) {
      JsonNode value = property.apply(statement);
      if (value != null && !value.isMissingNode()) {
        values.add(value);
      }
    }
    return new ArrayList<>(values);
  }

  private static StatementIndex index(JsonNode statement) {
    return StatementIndex.of(new Statement((ObjectNode) statement.deepCopy()));
  }

  private static List<String> walk(String query) {
    List<String> ids = new ArrayList<>();
    String next = LrsServer.STATEMENTS + query;
    while (!next.isEmpty()) {
      HttpResponse<String> page = server.get(next);
      assertThat(page.statusCode()).as(next + ": " + page.body()).isEqualTo(200);
      json(page).get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
      next = json(page).get("more").asText();
    }
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
