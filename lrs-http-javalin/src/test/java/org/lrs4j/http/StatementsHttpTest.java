package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Statement resource over real HTTP: store, fetch, void, formats, conflicts and paging. */
class StatementsHttpTest {

  private TestServer server;

  @BeforeEach
  void start(@TempDir Path folder) {
    server = TestServer.start(folder, 5);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postedStatementComesBackComplete() {
    HttpResponse<String> posted = server.post(Samples.statement(1));
    String id = json(posted).get(0).asText();

    HttpResponse<String> fetched = server.get(LrsServer.STATEMENTS + "?statementId=" + id);

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(fetched.statusCode()).isEqualTo(200);
    JsonNode statement = json(fetched);
    assertThat(statement.get("id").asText()).isEqualTo(id);
    assertThat(statement.get("stored").asText()).isNotEmpty();
    assertThat(statement.get("timestamp").asText()).isEqualTo(statement.get("stored").asText());
    assertThat(statement.get("version").asText()).isEqualTo("1.0.0");
    assertThat(statement.at("/authority/account/homePage").asText())
        .isEqualTo(TestServer.HOME_PAGE);
    assertThat(statement.at("/actor/mbox").asText()).isEqualTo("mailto:learner1@example.com");
  }

  @Test
  void singleGetHasLastModifiedAndConsistentThrough() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();

    HttpResponse<String> fetched = server.get(LrsServer.STATEMENTS + "?statementId=" + id);

    Instant stored = Instant.parse(json(fetched).get("stored").asText());
    Instant lastModified =
        ZonedDateTime.parse(
                fetched.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertThat(lastModified).isEqualTo(stored.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(fetched.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
  }

  @Test
  void batchReturnsIdsInOrder() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();

    HttpResponse<String> posted =
        server.post("[" + Samples.statement(1, first) + "," + Samples.statement(2, second) + "]");

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(json(posted).toString()).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
  }

  @Test
  void putStoresAndRepeatsQuietly() {
    UUID id = UUID.randomUUID();

    HttpResponse<String> first = server.put(id.toString(), Samples.statement(1));
    HttpResponse<String> again = server.put(id.toString(), Samples.statement(1));
    HttpResponse<String> fetched = server.get(LrsServer.STATEMENTS + "?statementId=" + id);

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(first.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
    assertThat(json(fetched).get("id").asText()).isEqualTo(id.toString());
  }

  @Test
  void putWithOtherContentIsConflict() {
    UUID id = UUID.randomUUID();
    server.put(id.toString(), Samples.statement(1));

    HttpResponse<String> conflict = server.put(id.toString(), Samples.statement(2));

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).at("/error/status").asInt()).isEqualTo(409);
  }

  @Test
  void putNeedsStatementId() {
    HttpResponse<String> missing =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Samples.statement(1))));
    HttpResponse<String> invalid = server.put("not-a-uuid", Samples.statement(1));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).at("/error/message").asText()).startsWith("statementId: missing");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).at("/error/message").asText()).contains("not-a-uuid");
  }

  @Test
  void conflictingBatchStoresNothing() {
    UUID existing = UUID.randomUUID();
    UUID fresh = UUID.randomUUID();
    server.put(existing.toString(), Samples.statement(1));

    HttpResponse<String> batch =
        server.post("[" + Samples.statement(3, fresh) + "," + Samples.statement(2, existing) + "]");
    HttpResponse<String> lookup = server.get(LrsServer.STATEMENTS + "?statementId=" + fresh);

    assertThat(batch.statusCode()).isEqualTo(409);
    assertThat(lookup.statusCode()).isEqualTo(404);
  }

  @Test
  void duplicateIdsInBatchAre400() {
    UUID id = UUID.randomUUID();

    HttpResponse<String> batch =
        server.post("[" + Samples.statement(1, id) + "," + Samples.statement(1, id) + "]");

    assertThat(batch.statusCode()).isEqualTo(400);
    assertThat(json(batch).at("/error/message").asText()).contains(id.toString());
  }

  @Test
  void invalidStatementListsViolations() {
    HttpResponse<String> response = server.post("{\"actor\":{\"mbox\":\"mailto:a@example.com\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode violations = json(response).at("/error/violations");
    assertThat(violations.isArray()).isTrue();
    assertThat(violations.size()).isPositive();
    assertThat(violations.get(0).has("path")).isTrue();
    assertThat(violations.get(0).has("rule")).isTrue();
  }

  @Test
  void malformedBodiesAre400() {
    String[] bodies = {"", "{\"actor\":", "{} {}", "\"text\"", "[1]", "{\"a\":1,\"a\":2}"};
    for (String body : bodies) {
      HttpResponse<String> response = server.post(body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response).at("/error/message").asText()).as(body).isNotEmpty();
    }
  }

  @Test
  void invalidJsonNamesThePosition() {
    HttpResponse<String> response = server.post("{\"actor\": nope}");

    assertThat(json(response).at("/error/message").asText())
        .startsWith("request body: invalid JSON")
        .contains("line 1");
  }

  @Test
  void wrongContentTypeIs400() {
    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.statement(1))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText()).startsWith("Content-Type:");
  }

  @Test
  void unknownParametersAre400() {
    for (String query : new String[] {"?foo=1", "?Agent=x", "?VERB=x", "?statementid=x"}) {
      HttpResponse<String> response = server.get(LrsServer.STATEMENTS + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
    }
    HttpResponse<String> post =
        server.send(
            server
                .request(LrsServer.STATEMENTS + "?method=PUT")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.statement(1))));
    assertThat(post.statusCode()).isEqualTo(400);
  }

  @Test
  void unknownStatementIs404() {
    HttpResponse<String> response =
        server.get(LrsServer.STATEMENTS + "?statementId=" + UUID.randomUUID());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void voidedStatementIsHiddenFromQueries() {
    UUID target = UUID.randomUUID();
    server.post(Samples.statement(1, target));
    String voidingId = json(server.post(Samples.voiding(target))).get(0).asText();

    HttpResponse<String> byId = server.get(LrsServer.STATEMENTS + "?statementId=" + target);
    HttpResponse<String> byVoidedId =
        server.get(LrsServer.STATEMENTS + "?voidedStatementId=" + target);
    List<String> listed = ids(server.get(LrsServer.STATEMENTS));

    assertThat(byId.statusCode()).isEqualTo(404);
    assertThat(byVoidedId.statusCode()).isEqualTo(200);
    assertThat(json(byVoidedId).get("id").asText()).isEqualTo(target.toString());
    assertThat(listed).containsExactly(voidingId);
  }

  @Test
  void headMatchesGetWithoutBody() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();
    String path = LrsServer.STATEMENTS + "?statementId=" + id;

    HttpResponse<String> get = server.get(path);
    HttpResponse<String> head =
        server.send(server.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String header :
        new String[] {"Last-Modified", "Content-Type", "X-Experience-API-Version"}) {
      assertThat(head.headers().firstValue(header))
          .as(header)
          .isEqualTo(get.headers().firstValue(header));
    }
  }

  @Test
  void idsFormatKeepsIdentifiersOnly() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();

    JsonNode statement =
        json(server.get(LrsServer.STATEMENTS + "?statementId=" + id + "&format=ids"));

    assertThat(statement.get("verb").toString()).isEqualTo("{\"id\":\"" + Samples.VERB + "\"}");
    assertThat(statement.get("object").has("definition")).isFalse();
    assertThat(statement.at("/object/id").asText()).isEqualTo(Samples.ACTIVITY + "1");
  }

  @Test
  void canonicalFormatFollowsAcceptLanguage() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();
    String path = LrsServer.STATEMENTS + "?statementId=" + id + "&format=canonical";

    JsonNode french =
        json(server.send(server.request(path).header("Accept-Language", "fr-FR, de;q=0.5")));
    JsonNode german = json(server.send(server.request(path).header("Accept-Language", "de")));

    assertThat(french.at("/object/definition/name").toString()).isEqualTo("{\"fr-FR\":\"Cours\"}");
    assertThat(french.at("/verb/display").toString()).isEqualTo("{\"de-DE\":\"erlebte\"}");
    assertThat(german.at("/object/definition/name").toString()).isEqualTo("{\"de\":\"Kurs\"}");
  }

  @Test
  void exactFormatReturnsStoredText() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();

    String single = server.get(LrsServer.STATEMENTS + "?statementId=" + id).body();
    String list = server.get(LrsServer.STATEMENTS).body();

    assertThat(list).isEqualTo("{\"statements\":[" + single + "],\"more\":\"\"}");
  }

  @Test
  void attachmentsTrueAnswersMultipart() {
    String id = json(server.post(Samples.statement(1))).get(0).asText();

    HttpResponse<String> response =
        server.get(LrsServer.STATEMENTS + "?statementId=" + id + "&attachments=true");

    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("multipart/mixed; boundary=");
    assertThat(response.body()).contains(id);
  }

  @Test
  void filtersSelectMatchingStatements() {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      ids.add(json(server.post(Samples.statement(n))).get(0).asText());
    }
    String agent = "{\"mbox\":\"mailto:learner4@example.com\"}";

    List<String> byAgent = walk("?agent=" + encode(agent));
    List<String> byActivity = walk("?activity=" + encode(Samples.ACTIVITY + "1"));
    List<String> ascending = walk("?ascending=true&verb=" + encode(Samples.VERB));

    assertThat(byAgent).containsExactly(ids.get(4));
    assertThat(byActivity).containsExactly(ids.get(4), ids.get(1));
    assertThat(ascending).containsExactlyElementsOf(ids);
  }

  @Test
  void moreWalksEveryPageWhileStatementsArrive() {
    Set<String> initial = new HashSet<>();
    for (int n = 0; n < 23; n++) {
      initial.add(json(server.post(Samples.statement(n))).get(0).asText());
    }

    List<String> walked = new ArrayList<>();
    String next = LrsServer.STATEMENTS + "?limit=4";
    int arriving = 100;
    while (!next.isEmpty()) {
      HttpResponse<String> page = server.get(next);
      assertThat(page.statusCode()).as(next).isEqualTo(200);
      walked.addAll(ids(page));
      next = json(page).get("more").asText();
      server.post(Samples.statement(arriving++));
    }

    assertThat(walked).doesNotHaveDuplicates();
    assertThat(walked).containsExactlyInAnyOrderElementsOf(initial);
  }

  @Test
  void moreKeepsTheQuery() {
    for (int n = 0; n < 7; n++) {
      server.post(Samples.statement(n));
    }

    HttpResponse<String> page =
        server.get(
            LrsServer.STATEMENTS + "?activity=" + encode(Samples.ACTIVITY + "0") + "&limit=1");

    String more = json(page).get("more").asText();
    assertThat(more).startsWith("/xapi/statements?");
    assertThat(more).contains("activity=" + encode(Samples.ACTIVITY + "0"));
    assertThat(more).contains("limit=1");
    assertThat(more).containsPattern("cursor=\\d+$");
  }

  private List<String> walk(String query) {
    List<String> ids = new ArrayList<>();
    String next = LrsServer.STATEMENTS + query;
    while (!next.isEmpty()) {
      HttpResponse<String> page = server.get(next);
      assertThat(page.statusCode()).as(next + ": " + page.body()).isEqualTo(200);
      ids.addAll(ids(page));
      next = json(page).get("more").asText();
    }
    return ids;
  }

  private static List<String> ids(HttpResponse<String> page) {
    List<String> ids = new ArrayList<>();
    json(page).get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
