package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.http.TestServer.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.credential.Scope;

/** Headers, authentication, the About resource and error bodies, over real HTTP. */
class ProtocolHttpTest {

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
  void missingVersionIsRejected() {
    HttpResponse<String> response =
        server.send(server.request(LrsServer.STATEMENTS).setHeader("X-Experience-API-Version", ""));
    HttpResponse<String> absent =
        server.send(
            server
                .bare(LrsServer.STATEMENTS)
                .header("Authorization", server.authorization(Scope.ALL)));

    assertThat(absent.statusCode()).isEqualTo(400);
    assertThat(json(absent).at("/error/message").asText())
        .startsWith("X-Experience-API-Version: missing");
    assertThat(absent.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void unknownVersionsAreRejected() {
    for (String version :
        new String[] {"0.95", "1.1.0", "1.0.x", "1.0.", "2.1.0", "2.0.1", "3.0", "abc"}) {
      HttpResponse<String> response =
          server.send(
              server.request(LrsServer.STATEMENTS).setHeader("X-Experience-API-Version", version));

      assertThat(response.statusCode()).as(version).isEqualTo(400);
      assertThat(json(response).at("/error/message").asText())
          .as(version)
          .contains("unsupported version");
      assertThat(response.headers().firstValue("X-Experience-API-Version"))
          .as(version)
          .contains("2.0.0");
    }
  }

  @Test
  void supportedVersionsAreAnswered() {
    Map<String, String> expected =
        Map.of(
            "1.0", "1.0.3", "1.0.0", "1.0.3", "1.0.1", "1.0.3", "1.0.2", "1.0.3", "1.0.3", "1.0.3",
            "1.0.4", "1.0.3", "1.0.17", "1.0.3", "2.0", "2.0.0", "2.0.0", "2.0.0");
    expected.forEach(
        (sent, answered) -> {
          HttpResponse<String> response =
              server.send(
                  server.request(LrsServer.STATEMENTS).setHeader("X-Experience-API-Version", sent));

          assertThat(response.statusCode()).as(sent).isEqualTo(200);
          assertThat(response.headers().firstValue("X-Experience-API-Version"))
              .as(sent)
              .contains(answered);
          assertThat(response.headers().firstValue("X-Experience-API-Consistent-Through"))
              .as(sent)
              .isPresent();
        });
  }

  @Test
  void aboutNeedsNoVersionOrAuth() {
    HttpResponse<String> response = server.send(server.bare(LrsServer.ABOUT));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("version").toString()).isEqualTo("[\"1.0.3\",\"2.0.0\"]");
    assertThat(json(response).get("extensions").isObject()).isTrue();
    assertThat(response.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
  }

  @Test
  void aboutHeadHasNoBody() {
    HttpResponse<String> response =
        server.send(
            server.bare(LrsServer.ABOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");
  }

  @Test
  void missingCredentialsAre401() {
    HttpResponse<String> response =
        server.send(server.bare(LrsServer.STATEMENTS).header("X-Experience-API-Version", "1.0.3"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(response.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
    assertThat(json(response).at("/error/status").asInt()).isEqualTo(401);
  }

  @Test
  void malformedCredentialsAre401() {
    String[] headers = {"Basic", "Basic %%%", "Basic bm9jb2xvbg==", "Bearer x", "Basic Og=="};
    for (String header : headers) {
      HttpResponse<String> response =
          server.send(server.request(LrsServer.STATEMENTS).setHeader("Authorization", header));

      assertThat(response.statusCode()).as(header).isEqualTo(401);
      assertThat(json(response).at("/error/message").asText())
          .as(header)
          .startsWith("Authorization:");
    }
  }

  @Test
  void wrongSecretIs401() {
    String valid = server.authorization(Scope.ALL);
    String decoded =
        new String(java.util.Base64.getDecoder().decode(valid.substring("Basic ".length())));
    String wrong =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((decoded + "x").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    HttpResponse<String> response =
        server.send(server.request(LrsServer.STATEMENTS).setHeader("Authorization", wrong));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).at("/error/message").asText()).contains("wrong secret");
  }

  @Test
  void missingScopeIs403() {
    String reader = server.authorization(Scope.STATEMENTS_READ);

    HttpResponse<String> response =
        server.send(
            server
                .request(LrsServer.STATEMENTS)
                .setHeader("Authorization", reader)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.statement(1))));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).at("/error/message").asText()).contains("statements/write");
  }

  @Test
  void unknownPathIs404WithJson() {
    HttpResponse<String> response = server.get("/xapi/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).at("/error/status").asInt()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
  }

  @Test
  void responsesCarryRequestId() {
    HttpResponse<String> response = server.get(LrsServer.STATEMENTS + "?Agent=x");

    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(requestId).matches("[0-9a-f]{16}");
    assertThat(json(response).at("/error/requestId").asText()).isEqualTo(requestId);
  }
}
