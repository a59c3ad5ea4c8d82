package org.lrs4j.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.credential.Scope;

/** The alternate request syntax (POST with a method parameter and a form body), over real HTTP. */
class AlternateSyntaxHttpTest {

  private static final String ACTIVITY = "http://example.com/activities/course";
  private static final String AGENT = "{\"mbox\":\"mailto:form@example.com\"}";
  private static final String FORM = "application/x-www-form-urlencoded";

  private static TestServer server;
  private static String authorization;

  @BeforeAll
  static void start(@TempDir Path folder) {
    server = TestServer.start(folder);
    authorization = server.authorization(Scope.ALL);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void putAndGetStateThroughForm() {
    Map<String, String> put = stateForm("1.0.3", "bookmark");
    put.put("Content-Type", "application/json");
    put.put("content", "{\"page\":\"Zoë 4\"}");

    HttpResponse<String> stored = alternate("/xapi/activities/state", "PUT", put);
    HttpResponse<String> read =
        alternate("/xapi/activities/state", "GET", stateForm("1.0.3", "bookmark"));
    HttpResponse<String> direct =
        server.get(
            "/xapi/activities/state?activityId="
                + encode(ACTIVITY)
                + "&agent="
                + encode(AGENT)
                + "&stateId=bookmark");

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("{\"page\":\"Zoë 4\"}");
    assertThat(read.headers().firstValue("ETag")).isPresent();
    assertThat(direct.body()).isEqualTo("{\"page\":\"Zoë 4\"}");
    assertThat(direct.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void ifMatchFormParameterIsHonoured() {
    Map<String, String> put = stateForm("1.0.3", "guarded");
    put.put("Content-Type", "text/plain");
    put.put("content", "one");
    alternate("/xapi/activities/state", "PUT", put);
    put.put("If-Match", "\"" + "0".repeat(40) + "\"");
    put.put("content", "two");

    HttpResponse<String> stale = alternate("/xapi/activities/state", "PUT", put);

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(alternate("/xapi/activities/state", "GET", stateForm("1.0.3", "guarded")).body())
        .isEqualTo("one");
  }

  @Test
  void deleteThroughForm() {
    Map<String, String> put = stateForm("1.0.3", "doomed");
    put.put("content", "x");
    alternate("/xapi/activities/state", "PUT", put);

    HttpResponse<String> deleted =
        alternate("/xapi/activities/state", "DELETE", stateForm("1.0.3", "doomed"));

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(
            alternate("/xapi/activities/state", "GET", stateForm("1.0.3", "doomed")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void statementsWorkThroughForm() {
    UUID id = UUID.randomUUID();
    Map<String, String> put = headers("1.0.3");
    put.put("statementId", id.toString());
    put.put("Content-Type", "application/json");
    put.put("content", Samples.statement(1));
    Map<String, String> get = headers("1.0.3");
    get.put("statementId", id.toString());

    HttpResponse<String> stored = alternate(LrsServer.STATEMENTS, "PUT", put);
    HttpResponse<String> read = alternate(LrsServer.STATEMENTS, "GET", get);

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).path("id").asText()).isEqualTo(id.toString());
  }

  @Test
  void agentsAndActivitiesWorkThroughForm() {
    Map<String, String> agents = headers("1.0.3");
    agents.put("agent", AGENT);
    Map<String, String> activities = headers("2.0.0");
    activities.put("activityId", ACTIVITY);

    HttpResponse<String> person = alternate(LrsServer.AGENTS, "GET", agents);
    HttpResponse<String> rejected = alternate(LrsServer.ACTIVITIES, "GET", activities);

    assertThat(person.statusCode()).isEqualTo(200);
    assertThat(json(person).path("objectType").asText()).isEqualTo("Person");
    assertThat(rejected.statusCode()).isEqualTo(400);
  }

  @Test
  void version200IsRejected() {
    Map<String, String> fromForm = stateForm("2.0.0", "s");
    Map<String, String> fromHeader = stateForm("1.0.3", "s");
    fromHeader.remove("X-Experience-API-Version");

    HttpResponse<String> formVersion = alternate("/xapi/activities/state", "GET", fromForm);
    HttpResponse<String> headerVersion =
        server.send(
            server
                .bare("/xapi/activities/state?method=GET")
                .header("X-Experience-API-Version", "2.0.0")
                .header("Content-Type", FORM)
                .POST(BodyPublishers.ofString(encodeForm(fromHeader))));
    HttpResponse<String> statements = alternate(LrsServer.STATEMENTS, "GET", headers("2.0.0"));

    assertThat(formVersion.statusCode()).isEqualTo(400);
    assertThat(json(formVersion).at("/error/message").asText()).startsWith("method:");
    assertThat(formVersion.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");
    assertThat(headerVersion.statusCode()).isEqualTo(400);
    assertThat(statements.statusCode()).isEqualTo(400);
  }

  @Test
  void otherQueryParametersAreRejected() {
    HttpResponse<String> response =
        server.send(
            server
                .bare("/xapi/activities/state?method=GET&stateId=s")
                .header("Content-Type", FORM)
                .POST(BodyPublishers.ofString(encodeForm(stateForm("1.0.3", "s")))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText()).contains("only query parameter");
  }

  @Test
  void nonFormBodyIsRejected() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/xapi/activities/state?method=GET")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void missingFormAuthorizationIsUnauthorized() {
    Map<String, String> form = stateForm("1.0.3", "s");
    form.remove("Authorization");

    HttpResponse<String> response = alternate("/xapi/activities/state", "GET", form);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> alternate(
      String path, String method, Map<String, String> form) {
    return server.send(
        server
            .bare(path + "?method=" + method)
            .header("Content-Type", FORM)
            .POST(BodyPublishers.ofString(encodeForm(form))));
  }

  private static Map<String, String> stateForm(String version, String stateId) {
    Map<String, String> form = headers(version);
    form.put("activityId", ACTIVITY);
    form.put("agent", AGENT);
    form.put("stateId", stateId);
    return form;
  }

  private static Map<String, String> headers(String version) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("X-Experience-API-Version", version);
    form.put("Authorization", authorization);
    return form;
  }

  private static String encodeForm(Map<String, String> form) {
    return form.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }
}
