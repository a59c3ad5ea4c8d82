package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-origin requests from browser pages, over real HTTP. */
class CorsHttpTest {

  private static final String ALLOWED = "https://app.example.com";
  private static final String STATE =
      "/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa"
          + "&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&stateId=s";

  private static TestServer server;

  @BeforeAll
  static void start(@TempDir Path folder) {
    server = TestServer.withCorsOrigins(folder, List.of(ALLOWED));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void preflightFromAllowedOriginListsMethodsAndHeaders() {
    HttpResponse<String> response = server.send(preflight(ALLOWED, "PUT"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("PUT", "POST", "DELETE", "GET", "HEAD");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains(
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "X-Experience-API-Version",
            "Accept-Language",
            "Content-Transfer-Encoding");
  }

  @Test
  void preflightFromOtherOriginIsForbidden() {
    HttpResponse<String> response = server.send(preflight("https://evil.example.net", "PUT"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void simpleRequestFromAllowedOriginExposesXapiHeaders() {
    server.send(
        server
            .request(STATE)
            .header("Content-Type", "text/plain")
            .PUT(BodyPublishers.ofString("bookmark")));

    HttpResponse<String> response = server.send(server.request(STATE).header("Origin", ALLOWED));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains(
            "ETag",
            "Last-Modified",
            "X-Experience-API-Version",
            "X-Experience-API-Consistent-Through");
    assertThat(response.headers().firstValue("Vary").orElseThrow()).contains("Origin");
  }

  @Test
  void errorResponseToAllowedOriginKeepsCorsHeaders() {
    HttpResponse<String> response =
        server.send(server.bare(LrsServer.STATEMENTS).header("Origin", ALLOWED));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
  }

  @Test
  void requestFromOtherOriginGetsNoCorsHeaders() {
    HttpResponse<String> response =
        server.send(server.request(LrsServer.STATEMENTS).header("Origin", "https://other.example"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static java.net.http.HttpRequest.Builder preflight(String origin, String method) {
    return server
        .bare(STATE)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
        .method("OPTIONS", BodyPublishers.noBody());
  }
}
