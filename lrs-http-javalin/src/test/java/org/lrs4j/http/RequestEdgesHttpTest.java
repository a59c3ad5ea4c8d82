package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request bodies, query strings and headers at the edges of what HTTP and JSON allow. */
class RequestEdgesHttpTest {

  private static final String IMF_FIXDATE =
      "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
  private static final String STATE =
      "/xapi/activities/state?activityId="
          + encode(Samples.ACTIVITY)
          + "&agent="
          + encode("{\"mbox\":\"mailto:edges@example.com\"}")
          + "&stateId=s";

  private static TestServer server;

  @BeforeAll
  static void start(@TempDir Path folder) {
    server = TestServer.start(folder);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void httpDateHasTwoDigitDay() {
    assertThat(XapiHeaders.httpDate(Instant.parse("2026-12-04T16:29:44Z")))
        .isEqualTo("Fri, 04 Dec 2026 16:29:44 GMT");
  }

  @Test
  void lastModifiedIsImfFixdate() {
    UUID id = UUID.randomUUID();
    server.put(id.toString(), Samples.statement(1, id));
    server.send(
        server
            .request(STATE)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

    HttpResponse<String> statement = server.get(LrsServer.STATEMENTS + "?statementId=" + id);
    HttpResponse<String> document = server.get(STATE);

    assertThat(statement.headers().firstValue("Last-Modified").orElseThrow()).matches(IMF_FIXDATE);
    assertThat(document.headers().firstValue("Last-Modified").orElseThrow()).matches(IMF_FIXDATE);
  }

  @Test
  void headSendsTheLengthOfGet() {
    UUID id = UUID.randomUUID();
    server.put(id.toString(), Samples.statement(2, id));
    server.send(
        server
            .request(STATE)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"b\":2}")));

    for (String path :
        new String[] {
          LrsServer.STATEMENTS + "?statementId=" + id,
          LrsServer.STATEMENTS + "?statementId=" + id + "&attachments=true",
          STATE,
          LrsServer.ABOUT
        }) {
      HttpResponse<String> get = server.get(path);
      HttpResponse<String> head =
          server.send(server.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length"))
          .as(path)
          .contains(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
    }
  }

  @Test
  void compressedBodyIsRejected() {
    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x1f, (byte) 0x8b, 8})));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText())
        .startsWith("Content-Encoding: gzip is not supported");
  }

  @Test
  void overlongUtf8IsRejected() {
    byte[] body = Samples.statement(3).replace("erlebte", "a~b").getBytes(StandardCharsets.UTF_8);
    byte[] overlong = new byte[body.length + 1];
    int tilde = new String(body, StandardCharsets.ISO_8859_1).indexOf('~');
    System.arraycopy(body, 0, overlong, 0, tilde);
    overlong[tilde] = (byte) 0xc0;
    overlong[tilde + 1] = (byte) 0xaf;
    System.arraycopy(body, tilde + 1, overlong, tilde + 2, body.length - tilde - 1);

    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(overlong)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText())
        .isEqualTo("request body: invalid UTF-8 at byte " + tilde);
  }

  @Test
  void utf16BodyIsRejected() {
    byte[] body = Samples.statement(4).getBytes(StandardCharsets.UTF_16);

    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText())
        .isEqualTo("request body: invalid UTF-8 at byte 0");
  }

  @Test
  void documentPostMustBeUtf8() {
    HttpResponse<String> response =
        server.send(
            server
                .request(STATE)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {
                          '{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'
                        })));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/message").asText())
        .isEqualTo("request body: invalid UTF-8 at byte 6");
  }

  @Test
  void malformedQueryIsRejectedNamingTheParameter() {
    assertThat(server.rawGet(LrsServer.STATEMENTS + "?limit=%zz"))
        .startsWith("HTTP/1.1 400")
        .contains("limit: invalid percent-encoding in the value");
    assertThat(server.rawGet(LrsServer.STATEMENTS + "?foo%zz=1"))
        .startsWith("HTTP/1.1 400")
        .contains("foo%zz: invalid percent-encoding in the name");
    assertThat(server.rawGet(LrsServer.STATEMENTS + "?verb=%c0%af"))
        .startsWith("HTTP/1.1 400")
        .contains("verb: invalid UTF-8 in the value at byte 0");
    assertThat(server.rawGet(LrsServer.STATEMENTS + "?verb=a%00b"))
        .startsWith("HTTP/1.1 400")
        .contains("verb: the value must not contain U+0000");
  }

  @Test
  void trailingAmpersandIsIgnored() {
    HttpResponse<String> statements = server.get(LrsServer.STATEMENTS + "?limit=1&");
    HttpResponse<String> states = server.get(STATE.replace("&stateId=s", "&"));

    assertThat(statements.statusCode()).isEqualTo(200);
    assertThat(states.statusCode()).isEqualTo(200);
  }

  @Test
  void nulAndUnpairedSurrogatesAreRejected() {
    String nul = Samples.statement(5).replace("\"erlebte\"", "\"a\\u0000b\"");
    String surrogate = Samples.statement(5).replace("\"erlebte\"", "\"\\ud800\"");
    String name = Samples.statement(5).replace("\"de-DE\"", "\"x\\u0000\"");

    HttpResponse<String> nulResponse = server.post(nul);
    HttpResponse<String> surrogateResponse = server.post("[" + surrogate + "]");
    HttpResponse<String> nameResponse = server.post(name);

    assertThat(nulResponse.statusCode()).isEqualTo(400);
    assertThat(json(nulResponse).at("/error/message").asText())
        .isEqualTo("verb.display[\"de-DE\"]: must not contain U+0000");
    assertThat(surrogateResponse.statusCode()).isEqualTo(400);
    assertThat(json(surrogateResponse).at("/error/message").asText())
        .isEqualTo("[0].verb.display[\"de-DE\"]: contains an unpaired surrogate");
    assertThat(nameResponse.statusCode()).isEqualTo(400);
    assertThat(json(nameResponse).at("/error/message").asText())
        .isEqualTo("verb.display[\"x\uFFFD\"]: the property name must not contain U+0000");
  }

  @Test
  void basicCredentialsWithNulAreRejected() {
    String credentials =
        Base64.getEncoder().encodeToString("key\0:secret".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .setHeader("Authorization", "Basic " + credentials));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).at("/error/message").asText()).contains("U+0000");
  }

  @Test
  void verbAndActivityMustBeIris() {
    for (String query : new String[] {"verb=notaniri", "verb=", "activity=notaniri", "activity="}) {
      String name = query.substring(0, query.indexOf('='));

      HttpResponse<String> response = server.get(LrsServer.STATEMENTS + "?" + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(json(response).at("/error/message").asText())
          .as(query)
          .startsWith(name + ": must be an absolute IRI");
    }
    assertThat(server.get(LrsServer.STATEMENTS + "?verb=" + encode(Samples.VERB)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void numbersComeBackExactly() throws Exception {
    UUID id = UUID.randomUUID();
    String statement =
        Samples.statement(6, id)
            .replaceFirst(
                "\\{",
                "{\"result\":{\"extensions\":{\"http://example.com/big\":1e999999999,"
                    + "\"http://example.com/precise\":0.1000000000000000000000000001}},");
    ObjectMapper exact =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    assertThat(server.put(id.toString(), statement).statusCode()).isEqualTo(204);
    JsonNode extensions =
        exact
            .readTree(server.get(LrsServer.STATEMENTS + "?statementId=" + id).body())
            .at("/result/extensions");

    assertThat(extensions.get("http://example.com/big").isNumber()).isTrue();
    assertThat(extensions.get("http://example.com/big").decimalValue())
        .isEqualByComparingTo(new BigDecimal("1e999999999"));
    assertThat(extensions.get("http://example.com/precise").decimalValue())
        .isEqualByComparingTo(new BigDecimal("0.1000000000000000000000000001"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
