package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.auth.BearerAuthenticator;
import org.lrs4j.auth.SchemeAuthenticator;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.auth.admin.Auditor;
import org.lrs4j.auth.admin.LoginThrottle;
import org.lrs4j.auth.admin.PasswordHasher;
import org.lrs4j.auth.admin.SessionTokens;
import org.lrs4j.auth.authority.AuthorityTemplate;
import org.lrs4j.auth.oidc.OidcSettings;
import org.lrs4j.auth.oidc.OidcTokenVerifier;
import org.lrs4j.core.Lrs;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;

/** Bearer tokens from mock-oauth2-server on the xAPI and admin APIs of a real server. */
class OidcHttpTest {

  private static final String ISSUER_ID = "idp";

  @TempDir Path folder;

  private final HttpClient client = HttpClient.newHttpClient();
  private MockOAuth2Server provider;
  private JdbcStore store;
  private LrsServer server;
  private String base;

  @BeforeEach
  void start() {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    URI issuer = URI.create(provider.issuerUrl(ISSUER_ID).toString());
    OidcTokenVerifier verifier =
        new OidcTokenVerifier(OidcSettings.of(issuer, "lrs4j", "lrs:"), Clock.systemUTC());
    AuthorityTemplate template =
        AuthorityTemplate.parse(
            "{\"objectType\":\"Agent\",\"name\":\"${claim.name}\","
                + "\"account\":{\"homePage\":\"${homePage}\",\"name\":\"${key}\"}}",
            TestServer.HOME_PAGE);
    BearerAuthenticator bearer = new BearerAuthenticator(verifier, template);

    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    ApiKeys keys = ApiKeys.over(store.credentials());
    Clock clock = Clock.systemUTC();
    Auditor auditor = new Auditor(store.auditLog(), clock);
    AdminAccounts accounts =
        new AdminAccounts(
            store.adminAccounts(),
            new PasswordHasher(1024, 1),
            new SessionTokens(store.adminSessions(), null, Duration.ofHours(1), clock),
            LoginThrottle.standard(store.adminSessions(), clock),
            auditor,
            clock);
    AdminApi admin =
        new AdminApi(accounts, new AdminKeys(keys, auditor), store.auditLog(), Optional.of(bearer));
    server =
        new LrsServer(
            Lrs.builder().statementRepository(store.statements()).build(),
            new SchemeAuthenticator(new BasicAuthenticator(keys, template), bearer),
            HttpSettings.local(0),
            admin);
    base = "http://127.0.0.1:" + server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
    store.close();
    provider.shutdown();
  }

  @Test
  void tokenWithWriteScopeStoresStatementWithClaimAuthority() {
    String token = token("lrs4j", "lrs:statements/write lrs:statements/read", 3600);
    UUID id = UUID.randomUUID();

    HttpResponse<String> stored = xapi("PUT", "/xapi/statements?statementId=" + id, token, id);
    HttpResponse<String> read = xapi("GET", "/xapi/statements?statementId=" + id, token, null);

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
    assertThat(TestServer.json(read).at("/authority/name").asText()).isEqualTo("Ann Example");
    assertThat(TestServer.json(read).at("/authority/account/name").asText())
        .isEqualTo("oidc:quiz-app");
  }

  @Test
  void tokenWithoutPrefixedScopeIsForbidden() {
    String token = token("lrs4j", "statements/write", 3600);

    HttpResponse<String> response = xapi("POST", "/xapi/statements", token, UUID.randomUUID());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("statements/write");
  }

  @Test
  void wrongAudienceIs401WithReason() {
    HttpResponse<String> response =
        xapi("GET", "/xapi/statements", token("other", "lrs:all", 3600), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("wrong audience");
  }

  @Test
  void expiredTokenIs401WithReason() {
    HttpResponse<String> response =
        xapi("GET", "/xapi/statements", token("lrs4j", "lrs:all", -3600), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("expired at");
  }

  @Test
  void adminScopeOpensTheAdminApi() {
    HttpResponse<String> admin = adminGet(token("lrs4j", "lrs:admin", 3600));
    HttpResponse<String> notAdmin = adminGet(token("lrs4j", "lrs:all", 3600));

    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(notAdmin.body()).contains("lacks the admin scope");
  }

  private String token(String audience, String scope, long lifetimeSeconds) {
    return provider
        .issueToken(
            ISSUER_ID,
            "quiz-app",
            new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "user-1",
                "JWT",
                List.of(audience),
                Map.of("scope", scope, "name", "Ann Example", "client_id", "quiz-app"),
                lifetimeSeconds))
        .serialize();
  }

  private HttpResponse<String> adminGet(String token) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/admin/api/keys"))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private HttpResponse<String> xapi(String method, String path, String token, UUID id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        id == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Samples.statement(1, id)));
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
