package org.lrs4j.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Agents and Activities resources over real HTTP, filled by stored statements. */
class AgentsAndActivitiesHttpTest {

  private static final String VERSION = "X-Experience-API-Version";
  private static final String QUIZ = "http://example.com/activities/quiz";

  private static TestServer server;

  @BeforeAll
  static void start(@TempDir Path folder) {
    server = TestServer.start(folder);
    store(
        """
        {"actor":{"mbox":"mailto:dana@example.com","name":"Dana"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},
         "object":{"id":"%s","definition":{"name":{"en-US":"Quiz"},
           "type":"http://adlnet.gov/expapi/activities/assessment"}}}
        """
            .formatted(QUIZ));
    store(
        """
        {"actor":{"mbox":"mailto:dana@example.com","name":"Dana Scully"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
         "object":{"id":"%s","definition":{"name":{"fr-FR":"Questionnaire"}}},
         "context":{"contextActivities":{"parent":[{"id":"http://example.com/activities/unit"}]},
           "instructor":{"account":{"homePage":"http://example.com/staff","name":"mulder 1"},
             "name":"Fox"}}}
        """
            .formatted(QUIZ));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void personListsEveryNameSeenWithIdentifier(String version) throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request(agents("{\"mbox\":\"mailto:dana@example.com\"}"))
                .setHeader(VERSION, version)
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            tree(
                "{\"objectType\":\"Person\",\"name\":[\"Dana\",\"Dana Scully\"],"
                    + "\"mbox\":[\"mailto:dana@example.com\"]}"));
    assertThat(response.headers().firstValue("ETag")).isPresent();
    assertThat(response.headers().firstValue("Last-Modified")).isPresent();
  }

  @Test
  void personOfAccountAgentKeepsAccountObject() throws Exception {
    HttpResponse<String> response =
        server.get(
            agents(
                "{\"account\":{\"name\":\"mulder 1\",\"homePage\":\"http://example.com/staff\"}}"));

    assertThat(json(response))
        .isEqualTo(
            tree(
                "{\"objectType\":\"Person\",\"name\":[\"Fox\"],\"account\":"
                    + "[{\"homePage\":\"http://example.com/staff\",\"name\":\"mulder 1\"}]}"));
  }

  @Test
  void unknownAgentGetsPersonOfRequest() throws Exception {
    HttpResponse<String> response =
        server.get(agents("{\"mbox\":\"mailto:nobody@example.com\",\"name\":\"Nobody\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            tree(
                "{\"objectType\":\"Person\",\"name\":[\"Nobody\"],"
                    + "\"mbox\":[\"mailto:nobody@example.com\"]}"));
  }

  @Test
  void agentsRejectsBadAgentAndUnknownParameter() {
    HttpResponse<String> missing = server.get(LrsServer.AGENTS);
    HttpResponse<String> twoIdentifiers =
        server.get(agents("{\"mbox\":\"mailto:a@example.com\",\"openid\":\"http://o.example/a\"}"));
    HttpResponse<String> unknown =
        server.get(agents("{\"mbox\":\"mailto:a@example.com\"}") + "&extra=1");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(twoIdentifiers.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void headOfAgentsHasHeadersWithoutBody() {
    String url = agents("{\"mbox\":\"mailto:dana@example.com\"}");

    HttpResponse<String> head =
        server.send(server.request(url).method("HEAD", BodyPublishers.noBody()));
    HttpResponse<String> get = server.get(url);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void activityDefinitionIsMergedFromStatements(String version) throws Exception {
    HttpResponse<String> response =
        server.send(server.request(activities(QUIZ)).setHeader(VERSION, version).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            tree(
                ("{\"objectType\":\"Activity\",\"id\":\"%s\",\"definition\":{\"name\":"
                        + "{\"en-US\":\"Quiz\",\"fr-FR\":\"Questionnaire\"},"
                        + "\"type\":\"http://adlnet.gov/expapi/activities/assessment\"}}")
                    .formatted(QUIZ)));
    assertThat(response.headers().firstValue("ETag")).isPresent();
    assertThat(response.headers().firstValue("Last-Modified")).isPresent();
  }

  @Test
  void contextActivityWithoutDefinitionIsKnown() throws Exception {
    HttpResponse<String> response = server.get(activities("http://example.com/activities/unit"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            tree("{\"objectType\":\"Activity\",\"id\":\"http://example.com/activities/unit\"}"));
  }

  @Test
  void unknownActivityIsNotFoundUnder103() {
    HttpResponse<String> response = server.get(activities("http://example.com/unknown"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).at("/error/message").asText()).contains("http://example.com/unknown");
  }

  @Test
  void unknownActivityIsBareObjectUnder200() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request(activities("http://example.com/unknown"))
                .setHeader(VERSION, "2.0.0")
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(tree("{\"objectType\":\"Activity\",\"id\":\"http://example.com/unknown\"}"));
  }

  @Test
  void activitiesRejectsMissingIdAndUnknownParameter() {
    HttpResponse<String> missing = server.get(LrsServer.ACTIVITIES);
    HttpResponse<String> unknown = server.get(activities(QUIZ) + "&format=ids");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void headOfActivitiesHasHeadersWithoutBody() {
    HttpResponse<String> head =
        server.send(server.request(activities(QUIZ)).method("HEAD", BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isPresent();
    assertThat(head.headers().firstValue("Last-Modified")).isPresent();
  }

  private static void store(String statement) {
    HttpResponse<String> response = server.post(statement);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static String agents(String agent) {
    return LrsServer.AGENTS + "?agent=" + URLEncoder.encode(agent, UTF_8);
  }

  private static String activities(String id) {
    return LrsServer.ACTIVITIES + "?activityId=" + URLEncoder.encode(id, UTF_8);
  }

  private static JsonNode tree(String json) throws Exception {
    return TestServer.MAPPER.readTree(json);
  }
}
