package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the validation rules through HTTP, for both versions: the 400 lists each violation
 * with its JSON path, and nothing is stored.
 */
class ValidationHttpTest {

  private static final String ACTOR = "\"actor\":{\"mbox\":\"mailto:ann@example.com\"}";
  private static final String VERB =
      "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attempted\"}";
  private static final String OBJECT = "\"object\":{\"id\":\"http://example.com/quiz\"}";

  /** A statement that breaks one rule, the path the violation names, and a word of the rule. */
  private record Case(String body, String path, String ruleWord) {}

  private static final List<Case> BOTH_VERSIONS =
      List.of(
          new Case("{" + VERB + "," + OBJECT + "}", "actor", "required"),
          new Case(
              "{\"actor\":{\"mbox\":\"ann@example.com\"}," + VERB + "," + OBJECT + "}",
              "actor.mbox",
              "mailto"),
          new Case(
              "{\"Actor\":{\"mbox\":\"mailto:a@b.c\"}," + VERB + "," + OBJECT + "}",
              "Actor",
              "actor"),
          new Case(
              "{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"score\":{\"scaled\":1.5}}}",
              "result.score.scaled",
              "1"),
          new Case(
              "{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"duration\":\"P4W1D\"}}",
              "result.duration",
              "duration"),
          new Case(
              "{"
                  + ACTOR
                  + ","
                  + VERB
                  + ","
                  + OBJECT
                  + ",\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"quiz 1\"}]}}}",
              "context.contextActivities.parent[0].id",
              "IRI"),
          new Case(
              "{"
                  + ACTOR
                  + ","
                  + VERB
                  + ","
                  + OBJECT
                  + ",\"timestamp\":\"2026-01-01T00:00:00-00:00\"}",
              "timestamp",
              "-00:00"),
          new Case(
              "{"
                  + ACTOR
                  + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                  + OBJECT
                  + "}",
              "object.objectType",
              "StatementRef"));

  private TestServer server;

  @BeforeEach
  void start(@TempDir Path folder) {
    server = TestServer.start(folder);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sampleRulesAreRejectedUnderBothVersions() {
    for (String version : List.of("1.0.3", "2.0.0")) {
      for (Case rule : BOTH_VERSIONS) {
        HttpResponse<String> response = post(version, rule.body());

        String label = version + " " + rule.path();
        assertThat(response.statusCode()).as(label).isEqualTo(400);
        assertThat(violationPaths(response))
            .as(label + " " + response.body())
            .contains(rule.path());
        assertThat(response.body()).as(label).containsIgnoringCase(rule.ruleWord());
      }
    }
    assertThat(json(server.get(LrsServer.STATEMENTS)).get("statements")).isEmpty();
  }

  @Test
  void contextAgentsAreValidOnlyUnder200() {
    String body =
        "{"
            + ACTOR
            + ","
            + VERB
            + ","
            + OBJECT
            + ",\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\","
            + "\"agent\":{\"mbox\":\"mailto:coach@example.com\"}}]}}";

    HttpResponse<String> under103 = post("1.0.3", body);
    HttpResponse<String> under200 = post("2.0.0", body);

    assertThat(under103.statusCode()).isEqualTo(400);
    assertThat(violationPaths(under103)).contains("context.contextAgents");
    assertThat(under200.statusCode()).as(under200.body()).isEqualTo(200);
  }

  @Test
  void timestampWithSpaceIsStoredInUtcUnder200() {
    String body =
        "{" + ACTOR + "," + VERB + "," + OBJECT + ",\"timestamp\":\"2026-03-01 10:00:00+02:00\"}";

    HttpResponse<String> under103 = post("1.0.3", body);
    HttpResponse<String> under200 = post("2.0.0", body);

    assertThat(under103.statusCode()).isEqualTo(400);
    assertThat(under200.statusCode()).as(under200.body()).isEqualTo(200);
    String id = json(under200).get(0).asText();
    JsonNode stored = json(server.get(LrsServer.STATEMENTS + "?statementId=" + id));
    assertThat(stored.get("timestamp").asText()).startsWith("2026-03-01T08:00:00");
    assertThat(stored.get("timestamp").asText()).endsWith("Z");
  }

  @Test
  void batchViolationNamesTheStatementIndex() {
    String valid = "{" + ACTOR + "," + VERB + "," + OBJECT + "}";
    String invalid = "{" + ACTOR + "," + VERB + ",\"object\":{\"id\":\"not an iri\"}}";

    HttpResponse<String> response = post("1.0.3", "[" + valid + "," + invalid + "]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(violationPaths(response)).contains("[1].object.id");
    assertThat(json(server.get(LrsServer.STATEMENTS)).get("statements")).isEmpty();
  }

  private HttpResponse<String> post(String version, String body) {
    return server.send(
        server
            .request(LrsServer.STATEMENTS)
            .setHeader("X-Experience-API-Version", version)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static List<String> violationPaths(HttpResponse<String> response) {
    JsonNode violations = json(response).at("/error/violations");
    return violations.findValuesAsText("path");
  }
}
