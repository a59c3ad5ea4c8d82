package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.auth.admin.Auditor;
import org.lrs4j.auth.admin.LoginThrottle;
import org.lrs4j.auth.admin.PasswordHasher;
import org.lrs4j.auth.admin.SessionTokens;
import org.lrs4j.core.Lrs;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;
import org.slf4j.LoggerFactory;

/** The admin REST API through a real server on a free port over a SQLite file. */
class AdminHttpTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path folder;

  private final HttpClient client = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private JdbcStore store;
  private LrsServer server;
  private String base;

  @BeforeEach
  void start() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    logs.start();
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    Clock clock = Clock.systemUTC();
    ApiKeys keys = ApiKeys.over(store.credentials());
    Auditor auditor = new Auditor(store.auditLog(), clock);
    AdminAccounts accounts =
        new AdminAccounts(
            store.adminAccounts(),
            PasswordHasher.standard(),
            new SessionTokens(store.adminSessions(), null, Duration.ofHours(1), clock),
            LoginThrottle.standard(store.adminSessions(), clock),
            auditor,
            clock);
    accounts.createFirst("root", PASSWORD);
    AdminApi admin =
        new AdminApi(accounts, new AdminKeys(keys, auditor), store.auditLog(), Optional.empty());
    Lrs lrs = Lrs.builder().statementRepository(store.statements()).build();
    server =
        new LrsServer(
            lrs, new BasicAuthenticator(keys, TestServer.HOME_PAGE), HttpSettings.local(0), admin);
    base = "http://127.0.0.1:" + server.start() + AdminRoutes.BASE;
  }

  @AfterEach
  void stop() {
    server.stop();
    store.close();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  @Test
  void loginThenLogoutRevokesTheToken() {
    String token = login("root", PASSWORD);

    assertThat(send("GET", "/accounts", token, null).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/logout", token, null).statusCode()).isEqualTo(204);

    HttpResponse<String> after = send("GET", "/accounts", token, null);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(json(after).at("/error/message").asText()).contains("revoked");
  }

  @Test
  void wrongPasswordIs401AndRepeatedFailuresAre429() {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed = loginResponse("root", "wrong password " + i);
      assertThat(failed.statusCode()).isEqualTo(401);
    }

    HttpResponse<String> blocked = loginResponse("root", PASSWORD);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).contains("900");
  }

  @Test
  void requestsWithoutTokenAre401() {
    assertThat(send("GET", "/keys", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/keys", "not-a-jwt", null).statusCode()).isEqualTo(401);
  }

  @Test
  void accountsAreCreatedListedAndDeletedButNotTheLast() {
    String token = login("root", PASSWORD);

    HttpResponse<String> weak =
        send("POST", "/accounts", token, "{\"username\":\"ann\",\"password\":\"short\"}");
    HttpResponse<String> created =
        send(
            "POST", "/accounts", token, "{\"username\":\"ann\",\"password\":\"" + PASSWORD + "\"}");
    HttpResponse<String> list = send("GET", "/accounts", token, null);
    HttpResponse<String> deleted = send("DELETE", "/accounts/ann", token, null);
    HttpResponse<String> last = send("DELETE", "/accounts/root", token, null);

    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(json(weak).at("/error/message").asText()).startsWith("password:");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(list).findValuesAsText("username")).containsExactly("root", "ann");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(last.statusCode()).isEqualTo(409);
  }

  @Test
  void ownPasswordChangeNeedsTheCurrentOne() {
    String token = login("root", PASSWORD);

    HttpResponse<String> wrong =
        send(
            "PUT",
            "/account/password",
            token,
            "{\"currentPassword\":\"nope\",\"newPassword\":\"a new pass phrase 7\"}");
    HttpResponse<String> changed =
        send(
            "PUT",
            "/account/password",
            token,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a new pass phrase 7\"}");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(loginResponse("root", "a new pass phrase 7").statusCode()).isEqualTo(200);
  }

  @Test
  void keyLifecycleWorksThroughTheApi() {
    String token = login("root", PASSWORD);

    JsonNode created =
        json(
            send(
                "POST",
                "/keys",
                token,
                "{\"label\":\"Quiz\",\"scopes\":[\"statements/write\"],"
                    + "\"expiresAt\":\"2999-01-01T00:00:00Z\"}"));
    String key = created.get("key").asText();
    String firstSecret = created.get("secret").asText();
    int beforeRotation = xapiStatus(key, firstSecret);

    JsonNode rotated = json(send("POST", "/keys/" + key + "/rotate", token, null));
    String secondSecret = rotated.get("secret").asText();
    int oldSecretAfterRotation = xapiStatus(key, firstSecret);
    int newSecretAfterRotation = xapiStatus(key, secondSecret);

    JsonNode rescoped =
        json(send("PUT", "/keys/" + key + "/scopes", token, "{\"scopes\":[\"statements/read\"]}"));
    int withReadScope = xapiStatus(key, secondSecret);

    JsonNode revoked = json(send("DELETE", "/keys/" + key, token, null));
    int afterRevoke = xapiStatus(key, secondSecret);
    JsonNode listed = json(send("GET", "/keys", token, null));

    assertThat(created.get("owner").asText()).isEqualTo("root");
    assertThat(created.get("expiresAt").asText()).isEqualTo("2999-01-01T00:00:00Z");
    assertThat(beforeRotation).as("write key reading statements").isEqualTo(403);
    assertThat(oldSecretAfterRotation).isEqualTo(401);
    assertThat(newSecretAfterRotation).isEqualTo(403);
    assertThat(rescoped.get("scopes").toString()).isEqualTo("[\"statements/read\"]");
    assertThat(withReadScope).isEqualTo(200);
    assertThat(revoked.get("revoked").asBoolean()).isTrue();
    assertThat(afterRevoke).isEqualTo(401);
    assertThat(listed.findValuesAsText("key")).containsExactly(key);
    assertThat(listed.toString()).doesNotContain(secondSecret).doesNotContain("secret");
  }

  @Test
  void rotatingRevokedKeyIs409() {
    String token = login("root", PASSWORD);
    String key = json(send("POST", "/keys", token, "{\"scopes\":[\"all\"]}")).get("key").asText();
    send("DELETE", "/keys/" + key, token, null);

    HttpResponse<String> rotated = send("POST", "/keys/" + key + "/rotate", token, null);

    assertThat(rotated.statusCode()).isEqualTo(409);
    assertThat(rotated.body()).contains("API key " + key + " is revoked");
    assertThat(rotated.body()).doesNotContain("secret\"");
  }

  @Test
  void keyWithPastExpiryIs400() {
    String token = login("root", PASSWORD);

    HttpResponse<String> created =
        send(
            "POST",
            "/keys",
            token,
            "{\"scopes\":[\"all\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
    JsonNode listed = json(send("GET", "/keys", token, null));

    assertThat(created.statusCode()).isEqualTo(400);
    assertThat(created.body()).contains("expiresAt: 2001-01-01T00:00:00Z is not in the future");
    assertThat(listed.size()).isZero();
  }

  @Test
  void auditLogRecordsWhoDidWhatFromWhere() {
    String token = login("root", PASSWORD);
    String key = json(send("POST", "/keys", token, "{\"scopes\":[\"all\"]}")).get("key").asText();
    send("DELETE", "/keys/" + key, token, null);

    JsonNode audit = json(send("GET", "/audit?limit=3", token, null));

    assertThat(audit.findValuesAsText("action"))
        .containsExactly("key.revoke", "key.create", "login");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo("root");
    assertThat(audit.get(0).get("target").asText()).isEqualTo(key);
    assertThat(audit.get(0).get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(audit.get(0).get("at").asText()).endsWith("Z");
    assertThat(send("GET", "/audit?limit=0", token, null).statusCode()).isEqualTo(400);
  }

  @Test
  void noSecretOrPasswordIsStoredOrLoggedInPlainText() throws IOException {
    String token = login("root", PASSWORD);
    JsonNode created = json(send("POST", "/keys", token, "{\"scopes\":[\"all\"]}"));
    String secret = created.get("secret").asText();
    String rotated =
        json(send("POST", "/keys/" + created.get("key").asText() + "/rotate", token, null))
            .get("secret")
            .asText();
    send(
        "POST",
        "/accounts",
        token,
        "{\"username\":\"ann\",\"password\":\"another pass phrase 9\"}");
    loginResponse("ann", "a wrong pass phrase 9");
    store.close();
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));

    String database = databaseBytes();
    String logged =
        logs.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .collect(Collectors.joining("\n"));

    for (String plain :
        new String[] {
          PASSWORD, "another pass phrase 9", "a wrong pass phrase 9", secret, rotated
        }) {
      assertThat(database).as("database files").doesNotContain(plain);
      assertThat(logged).as("log output").doesNotContain(plain);
    }
    assertThat(logged).doesNotContain(token);
  }

  @Test
  void statementsRoutePagesWithAdminLinks() {
    String token = login("root", PASSWORD);
    JsonNode created =
        json(
            send("POST", "/keys", token, "{\"label\":\"Quiz\",\"scopes\":[\"statements/write\"]}"));
    String first = postStatement(created.get("key").asText(), created.get("secret").asText());
    String second = postStatement(created.get("key").asText(), created.get("secret").asText());

    HttpResponse<String> firstPage = send("GET", "/statements?limit=1", token, null);
    String more = json(firstPage).get("more").asText();
    HttpResponse<String> secondPage =
        sendRaw(
            HttpRequest.newBuilder(URI.create(base.replace(AdminRoutes.BASE, "") + more))
                .header("Authorization", "Bearer " + token)
                .build());
    HttpResponse<String> single = send("GET", "/statements?statementId=" + first, token, null);
    HttpResponse<String> attachments = send("GET", "/statements?attachments=true", token, null);
    HttpResponse<String> withoutToken = send("GET", "/statements", null, null);

    assertThat(firstPage.statusCode()).isEqualTo(200);
    assertThat(json(firstPage).at("/statements/0/id").asText()).isEqualTo(second);
    assertThat(more).startsWith(AdminRoutes.BASE + "/statements?");
    assertThat(secondPage.statusCode()).isEqualTo(200);
    assertThat(json(secondPage).at("/statements/0/id").asText()).isEqualTo(first);
    assertThat(json(secondPage).get("more").asText()).isEmpty();
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(json(single).get("id").asText()).isEqualTo(first);
    assertThat(attachments.statusCode()).isEqualTo(400);
    assertThat(json(attachments).at("/error/message").asText()).startsWith("attachments:");
    assertThat(withoutToken.statusCode()).isEqualTo(401);
  }

  private String databaseBytes() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private int xapiStatus(String key, String secret) {
    String basic =
        Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base.replace(AdminRoutes.BASE, "") + LrsServer.STATEMENTS))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", "Basic " + basic)
            .GET()
            .build();
    return sendRaw(request).statusCode();
  }

  private String postStatement(String key, String secret) {
    String basic =
        Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    String statement =
        "{\"actor\":{\"mbox\":\"mailto:ann@example.com\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
            + "\"object\":{\"id\":\"http://example.com/activities/quiz\"}}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base.replace(AdminRoutes.BASE, "") + LrsServer.STATEMENTS))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(statement))
            .build();
    HttpResponse<String> response = sendRaw(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get(0).asText();
  }

  private String login(String username, String password) {
    HttpResponse<String> response = loginResponse(username, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("token").asText();
  }

  private HttpResponse<String> loginResponse(String username, String password) {
    return send(
        "POST",
        "/login",
        null,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return sendRaw(request.build());
  }

  private HttpResponse<String> sendRaw(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestServer.json(response);
  }
}
