package org.lrs4j.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrs4j.core.credential.Scope;

/** The State, Activity Profile and Agent Profile resources over real HTTP, for both versions. */
class DocumentsHttpTest {

  private static final String ACTIVITY = "http://example.com/activities/course";
  private static final String ALICE = "{\"mbox\":\"mailto:alice@example.com\"}";
  private static final String VERSION = "X-Experience-API-Version";

  private static final AtomicInteger IDS = new AtomicInteger();
  private static TestServer server;

  @BeforeAll
  static void start(@TempDir Path folder) {
    server = TestServer.start(folder);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void putStoresBytesAndGetReturnsThemWithHeaders(String version) throws Exception {
    byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    String url = state(ALICE, uniqueId());

    HttpResponse<String> put =
        server.send(
            server
                .request(url)
                .setHeader(VERSION, version)
                .header("Content-Type", "image/png")
                .PUT(BodyPublishers.ofByteArray(content)));
    HttpResponse<byte[]> get =
        server.sendForBytes(server.request(url).setHeader(VERSION, version).GET());

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(content);
    assertThat(get.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(get.headers().firstValue("ETag")).contains("\"" + sha1(content) + "\"");
    assertThat(get.headers().firstValue(VERSION)).contains(version);
    assertThat(lastModified(get)).isBetween(Instant.now().minusSeconds(60), Instant.now());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void headHasGetHeadersWithoutBody(String version) {
    String url = activityProfile(uniqueId());
    putJson(url, "{\"a\":1}", "If-None-Match", "*");

    HttpResponse<String> get = server.send(server.request(url).setHeader(VERSION, version).GET());
    HttpResponse<String> head =
        server.send(
            server
                .request(url)
                .setHeader(VERSION, version)
                .method("HEAD", BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    assertThat(head.headers().firstValue("Last-Modified"))
        .isEqualTo(get.headers().firstValue("Last-Modified"));
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
  }

  @Test
  void headOfIdListHasEtagAndNoBody() {
    String agent = uniqueAgent();
    putJson(agentProfile(agent, "one"), "{}", "If-None-Match", "*");

    HttpResponse<String> head =
        server.send(server.request(agentProfiles(agent)).method("HEAD", BodyPublishers.noBody()));
    HttpResponse<String> get = server.get(agentProfiles(agent));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isPresent();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    assertThat(head.headers().firstValue("Last-Modified")).isPresent();
  }

  @Test
  void agentIsFoundByIdentifierNotKeyOrderOrName() {
    String id = uniqueId();
    String named =
        "{\"objectType\":\"Agent\",\"name\":\"Alice\",\"mbox\":\"mailto:order@example.com\"}";
    String reordered = "{\"mbox\":\"mailto:order@example.com\",\"objectType\":\"Agent\"}";
    putJson(agentProfile(named, id), "{\"x\":1}", "If-None-Match", "*");

    HttpResponse<String> found = server.get(agentProfile(reordered, id));
    HttpResponse<String> other =
        server.get(agentProfile("{\"mbox\":\"mailto:someone@example.com\"}", id));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("{\"x\":1}");
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"no identifier\"}",
        "{\"mbox\":\"mailto:a@example.com\",\"openid\":\"http://openid.example.com/a\"}",
        "not json",
        "[\"mailto:a@example.com\"]",
        "{\"mbox\":\"a@example.com\"}",
        "{\"mbox_sha1sum\":\"not-a-sha1\"}",
        "{\"objectType\":\"Person\",\"mbox\":\"mailto:a@example.com\"}",
        "{\"account\":{\"homePage\":\"http://example.com\"}}"
      })
  void invalidAgentIsRejected(String agent) {
    HttpResponse<String> response = server.get(state(agent, "s"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText()).startsWith("agent");
  }

  @Test
  void unknownParameterIsRejected() {
    HttpResponse<String> response = server.get(state(ALICE, "s") + "&stateid=s");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText()).startsWith("stateid: unknown");
  }

  @Test
  void badRegistrationSinceAndActivityAreRejected() {
    HttpResponse<String> registration = server.get(state(ALICE, "s") + "&registration=abc");
    HttpResponse<String> since = server.get(states(ALICE) + "&since=yesterday");
    HttpResponse<String> activity = server.get("/xapi/activities/profile?activityId=course");
    HttpResponse<String> sinceWithId = server.get(state(ALICE, "s") + "&since=" + encode(now()));

    assertThat(registration.statusCode()).isEqualTo(400);
    assertThat(since.statusCode()).isEqualTo(400);
    assertThat(activity.statusCode()).isEqualTo(400);
    assertThat(sinceWithId.statusCode()).isEqualTo(400);
  }

  @Test
  void missingDocumentIsNotFound() {
    HttpResponse<String> response = server.get(state(ALICE, uniqueId()));

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void staleIfMatchIsPreconditionFailedAndChangesNothing(String version) {
    for (String url : everyResource(uniqueId())) {
      putJson(url, "{\"v\":1}", "If-None-Match", "*");
      String stale = "\"" + "0".repeat(40) + "\"";

      HttpResponse<String> put = send(version, url, "PUT", "{\"v\":2}", "If-Match", stale);
      HttpResponse<String> post = send(version, url, "POST", "{\"v\":3}", "If-Match", stale);
      HttpResponse<String> delete = send(version, url, "DELETE", null, "If-Match", stale);

      assertThat(put.statusCode()).as(url).isEqualTo(412);
      assertThat(post.statusCode()).as(url).isEqualTo(412);
      assertThat(delete.statusCode()).as(url).isEqualTo(412);
      assertThat(server.get(url).body()).as(url).isEqualTo("{\"v\":1}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void currentIfMatchReplaces(String version) {
    for (String url : everyResource(uniqueId())) {
      putJson(url, "{\"v\":1}", "If-None-Match", "*");
      String etag = server.get(url).headers().firstValue("ETag").orElseThrow();

      HttpResponse<String> put = send(version, url, "PUT", "{\"v\":2}", "If-Match", etag);

      assertThat(put.statusCode()).as(url).isEqualTo(204);
      assertThat(server.get(url).body()).as(url).isEqualTo("{\"v\":2}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void ifNoneMatchStarOnExistingDocumentFails(String version) {
    for (String url : everyResource(uniqueId())) {
      putJson(url, "{\"v\":1}", "If-None-Match", "*");

      HttpResponse<String> put = send(version, url, "PUT", "{\"v\":2}", "If-None-Match", "*");

      assertThat(put.statusCode()).as(url).isEqualTo(412);
      assertThat(server.get(url).body()).as(url).isEqualTo("{\"v\":1}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void profilePutWithoutHeadersOnExistingIsConflict(String version) {
    String id = uniqueId();
    for (String url : List.of(activityProfile(id), agentProfile(ALICE, id))) {
      HttpResponse<String> created = send(version, url, "PUT", "{\"v\":1}", null, null);

      HttpResponse<String> again = send(version, url, "PUT", "{\"v\":2}", null, null);

      assertThat(created.statusCode()).as(url).isEqualTo(204);
      assertThat(again.statusCode()).as(url).isEqualTo(409);
      assertThat(json(again).at("/error/message").asText()).as(url).contains("If-Match");
      assertThat(server.get(url).body()).as(url).isEqualTo("{\"v\":1}");
    }
  }

  @Test
  void statePutWithoutHeadersReplacesUnder103() {
    String url = state(ALICE, uniqueId());
    send("1.0.3", url, "PUT", "{\"v\":1}", null, null);

    HttpResponse<String> again = send("1.0.3", url, "PUT", "{\"v\":2}", null, null);

    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(server.get(url).body()).isEqualTo("{\"v\":2}");
  }

  @Test
  void statePutWithoutHeadersConflictsUnder200() {
    String url = state(ALICE, uniqueId());
    send("2.0.0", url, "PUT", "{\"v\":1}", null, null);

    HttpResponse<String> again = send("2.0.0", url, "PUT", "{\"v\":2}", null, null);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).at("/error/message").asText()).contains("If-Match");
    assertThat(server.get(url).body()).isEqualTo("{\"v\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void postMergesJsonObjects(String version) throws Exception {
    String url = state(ALICE, uniqueId());
    send(version, url, "POST", "{\"x\":\"foo\",\"y\":\"bar\"}", null, null);

    HttpResponse<String> merge = send(version, url, "POST", "{\"x\":\"bash\",\"z\":\"faz\"}");

    assertThat(merge.statusCode()).isEqualTo(204);
    assertThat(json(server.get(url)))
        .isEqualTo(TestServer.MAPPER.readTree("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void postOfNonJsonOrIntoNonJsonIsRejected(String version) {
    String url = state(ALICE, uniqueId());
    server.send(
        server
            .request(url)
            .header("Content-Type", "text/plain")
            .PUT(BodyPublishers.ofString("plain text")));

    HttpResponse<String> notJson =
        server.send(
            server
                .request(url)
                .setHeader(VERSION, version)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("more")));
    HttpResponse<String> intoText = send(version, url, "POST", "{\"a\":1}");
    HttpResponse<String> array = send(version, state(ALICE, uniqueId()), "POST", "[1]");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(intoText.statusCode()).isEqualTo(400);
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(server.get(url).body()).isEqualTo("plain text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void idListHonoursSinceExclusively(String version) throws Exception {
    String agent = uniqueAgent();
    putJson(agentProfile(agent, "first"), "{}", "If-None-Match", "*");
    Thread.sleep(20);
    String between = now();
    Thread.sleep(20);
    putJson(agentProfile(agent, "second"), "{}", "If-None-Match", "*");

    HttpResponse<String> all =
        server.send(server.request(agentProfiles(agent)).setHeader(VERSION, version).GET());
    HttpResponse<String> since =
        server.send(
            server
                .request(agentProfiles(agent) + "&since=" + encode(between))
                .setHeader(VERSION, version)
                .GET());

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).isEqualTo("[\"first\",\"second\"]");
    assertThat(all.headers().firstValue("ETag"))
        .contains("\"" + sha1(all.body().getBytes(UTF_8)) + "\"");
    assertThat(all.headers().firstValue("Last-Modified")).isPresent();
    assertThat(since.body()).isEqualTo("[\"second\"]");
  }

  @Test
  void lastModifiedMovesForwardOnChange() throws Exception {
    String url = activityProfile(uniqueId());
    putJson(url, "{\"v\":1}", "If-None-Match", "*");
    HttpResponse<String> first = server.get(url);
    Thread.sleep(1100);

    putJson(url, "{\"v\":2}", "If-Match", first.headers().firstValue("ETag").orElseThrow());
    HttpResponse<String> second = server.get(url);

    assertThat(lastModified(second)).isAfter(lastModified(first));
  }

  @Test
  void stateListAndDeleteCoverRegistrations() {
    String agent = uniqueAgent();
    UUID registration = UUID.randomUUID();
    String registered = "&registration=" + registration;
    putJson(state(agent, "plain"), "{}", null, null);
    putJson(state(agent, "registered") + registered, "{}", null, null);

    HttpResponse<String> all = server.get(states(agent));
    HttpResponse<String> one = server.get(states(agent) + registered);
    HttpResponse<String> plainWithRegistration = server.get(state(agent, "plain") + registered);
    HttpResponse<String> deleteRegistered =
        server.send(server.request(states(agent) + registered).DELETE());

    assertThat(all.body()).isEqualTo("[\"plain\",\"registered\"]");
    assertThat(one.body()).isEqualTo("[\"registered\"]");
    assertThat(plainWithRegistration.statusCode()).isEqualTo(404);
    assertThat(deleteRegistered.statusCode()).isEqualTo(204);
    assertThat(server.get(states(agent)).body()).isEqualTo("[\"plain\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void stateDeleteWithoutIdDeletesEveryDocument(String version) {
    String agent = uniqueAgent();
    putJson(state(agent, "a"), "{}", null, null);
    putJson(state(agent, "b") + "&registration=" + UUID.randomUUID(), "{}", null, null);

    HttpResponse<String> delete = send(version, states(agent), "DELETE", null, null, null);

    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(server.get(states(agent)).body()).isEqualTo("[]");
  }

  @Test
  void deleteOfOneDocumentKeepsOthers() {
    String agent = uniqueAgent();
    putJson(state(agent, "a"), "{}", null, null);
    putJson(state(agent, "b"), "{}", null, null);

    HttpResponse<String> delete = server.send(server.request(state(agent, "a")).DELETE());
    HttpResponse<String> missing = server.send(server.request(state(agent, "a")).DELETE());

    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(missing.statusCode()).isEqualTo(204);
    assertThat(server.get(states(agent)).body()).isEqualTo("[\"b\"]");
  }

  @Test
  void profileDeleteWithoutIdIsRejected() {
    putJson(activityProfile("kept"), "{}", null, null);

    HttpResponse<String> delete =
        server.send(
            server.request("/xapi/activities/profile?activityId=" + encode(ACTIVITY)).DELETE());

    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(server.get(activityProfile("kept")).statusCode()).isEqualTo(200);
  }

  @Test
  void writeNeedsStateOrProfileScope() {
    String profileOnly = server.authorization(Scope.PROFILE);
    HttpResponse<String> state =
        server.send(
            server
                .request(state(ALICE, uniqueId()))
                .setHeader("Authorization", profileOnly)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{}")));
    HttpResponse<String> profile =
        server.send(
            server
                .request(activityProfile(uniqueId()))
                .setHeader("Authorization", profileOnly)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{}")));

    assertThat(state.statusCode()).isEqualTo(403);
    assertThat(profile.statusCode()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void racingIfMatchWritersHaveOneWinnerEachRound(String version) throws Exception {
    String url = activityProfile(uniqueId());
    putJson(url, "{\"round\":-1}", "If-None-Match", "*");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);

    try {
      for (int round = 0; round < 5; round++) {
        String etag = server.get(url).headers().firstValue("ETag").orElseThrow();
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
          String body = "{\"round\":" + round + ",\"writer\":" + writer + "}";
          statuses.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return send(version, url, "PUT", body, "If-Match", etag).statusCode();
                  }));
        }

        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
          results.add(status.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).as("round %d", round).containsOnly(204, 412);
        assertThat(results.stream().filter(status -> status == 204)).as("winners").hasSize(1);
        int winner = results.indexOf(204);
        assertThat(server.get(url).body())
            .isEqualTo("{\"round\":" + round + ",\"writer\":" + winner + "}");
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static HttpResponse<String> send(String version, String url, String method, String body) {
    return send(version, url, method, body, null, null);
  }

  private static HttpResponse<String> send(
      String version, String url, String method, String body, String header, String value) {
    HttpRequest.Builder request = server.request(url).setHeader(VERSION, version);
    if (header != null) {
      request.header(header, value);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return server.send(
        request.method(
            method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }

  private static void putJson(String url, String body, String header, String value) {
    HttpResponse<String> response = send("1.0.3", url, "PUT", body, header, value);
    assertThat(response.statusCode()).as("PUT %s", url).isEqualTo(204);
  }

  private static List<String> everyResource(String id) {
    return List.of(state(ALICE, id), activityProfile(id), agentProfile(ALICE, id));
  }

  private static String state(String agent, String id) {
    return states(agent) + "&stateId=" + encode(id);
  }

  private static String states(String agent) {
    return "/xapi/activities/state?activityId=" + encode(ACTIVITY) + "&agent=" + encode(agent);
  }

  private static String activityProfile(String id) {
    return "/xapi/activities/profile?activityId=" + encode(ACTIVITY) + "&profileId=" + encode(id);
  }

  private static String agentProfiles(String agent) {
    return "/xapi/agents/profile?agent=" + encode(agent);
  }

  private static String agentProfile(String agent, String id) {
    return agentProfiles(agent) + "&profileId=" + encode(id);
  }

  private static String uniqueId() {
    return "doc-" + IDS.incrementAndGet();
  }

  private static String uniqueAgent() {
    return "{\"mbox\":\"mailto:learner" + IDS.incrementAndGet() + "@example.com\"}";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  private static String now() {
    return Instant.now().toString();
  }

  private static Instant lastModified(HttpResponse<?> response) {
    String header = response.headers().firstValue("Last-Modified").orElseThrow();
    return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  private static String sha1(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
  }
}
