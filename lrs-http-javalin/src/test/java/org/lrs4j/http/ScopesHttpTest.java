package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrs4j.auth.scope.ScopeRules;
import org.lrs4j.auth.scope.XapiRoute;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ForbiddenException;

/** Every served xAPI route with every scope, through HTTP, against the scope table. */
class ScopesHttpTest {

  @TempDir static Path folder;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(folder);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Arguments> servedRoutesWithEveryScope() {
    List<Arguments> cases = new ArrayList<>();
    for (XapiRoute route : XapiRoute.values()) {
      if (route.path().equals(LrsServer.STATEMENTS)) {
        for (Scope scope : Scope.values()) {
          cases.add(Arguments.of(route, scope));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("servedRoutesWithEveryScope")
  void routeIsGrantedExactlyAsTheTableSays(XapiRoute route, Scope scope) {
    boolean granted = granted(route, scope);

    HttpResponse<String> response = server.send(request(route, server.authorization(scope)));

    if (granted) {
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    } else {
      assertThat(response.statusCode()).isEqualTo(403);
      if (!route.method().equals("HEAD")) {
        assertThat(response.body()).contains("lacks the scope for " + route.method());
      }
    }
  }

  @Test
  void readMineReturnsOnlyTheCallersStatements() {
    String writer = server.authorization(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE);
    String other = server.authorization(Scope.STATEMENTS_WRITE);
    UUID mine = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    server.send(put(mine, writer));
    server.send(put(theirs, other));

    HttpResponse<String> all = server.send(get(LrsServer.STATEMENTS + "?limit=50", writer));
    HttpResponse<String> own =
        server.send(get(LrsServer.STATEMENTS + "?statementId=" + mine, writer));
    HttpResponse<String> foreign =
        server.send(get(LrsServer.STATEMENTS + "?statementId=" + theirs, writer));

    List<String> ids = new ArrayList<>();
    TestServer.json(all)
        .get("statements")
        .forEach(statement -> ids.add(statement.get("id").asText()));
    assertThat(ids).containsExactly(mine.toString());
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(foreign.statusCode()).isEqualTo(404);
  }

  @Test
  void clientAuthorityIsReplaced() {
    String writer = server.authorization(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ);
    UUID id = UUID.randomUUID();
    String body =
        Samples.statement(1, id)
            .replaceFirst("\\{", "{\"authority\":{\"mbox\":\"mailto:forged@example.com\"},");

    server.send(
        server
            .request(LrsServer.STATEMENTS + "?statementId=" + id)
            .setHeader("Authorization", writer)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
    HttpResponse<String> read =
        server.send(get(LrsServer.STATEMENTS + "?statementId=" + id, writer));

    assertThat(TestServer.json(read).at("/authority/account/homePage").asText())
        .isEqualTo(TestServer.HOME_PAGE);
    assertThat(read.body()).doesNotContain("forged@example.com");
  }

  private static boolean granted(XapiRoute route, Scope scope) {
    try {
      return ScopeRules.check(route, java.util.Set.of(scope), "key") != null;
    } catch (ForbiddenException e) {
      return false;
    }
  }

  private static HttpRequest.Builder request(XapiRoute route, String authorization) {
    UUID id = UUID.randomUUID();
    return switch (route) {
      case STATEMENTS_PUT -> put(id, authorization);
      case STATEMENTS_POST ->
          server
              .request(LrsServer.STATEMENTS)
              .setHeader("Authorization", authorization)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Samples.statement(1, id)));
      case STATEMENTS_GET -> get(LrsServer.STATEMENTS, authorization);
      case STATEMENTS_HEAD ->
          server
              .request(LrsServer.STATEMENTS)
              .setHeader("Authorization", authorization)
              .method("HEAD", HttpRequest.BodyPublishers.noBody());
      default -> throw new IllegalArgumentException("not served yet: " + route);
    };
  }

  private static HttpRequest.Builder put(UUID id, String authorization) {
    return server
        .request(LrsServer.STATEMENTS + "?statementId=" + id)
        .setHeader("Authorization", authorization)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(Samples.statement(1, id)));
  }

  private static HttpRequest.Builder get(String path, String authorization) {
    return server.request(path).setHeader("Authorization", authorization).GET();
  }
}
