package org.lrs4j.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;

/** Verifies tokens that mock-oauth2-server, a real OpenID Provider, issues on 127.0.0.1. */
class OidcTokenVerifierTest {

  private static final String ISSUER_ID = "lrs-idp";
  private static final String AUDIENCE = "lrs4j";
  private static final String SCOPES =
      "openid lrs:statements/write lrs:statements/read/mine lrs:admin statements/read";

  private static MockOAuth2Server provider;
  private static OidcSettings settings;

  @BeforeAll
  static void startProvider() throws Exception {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    settings =
        OidcSettings.of(URI.create(provider.issuerUrl(ISSUER_ID).toString()), AUDIENCE, "lrs:");
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @Test
  void tokenGrantsPrefixedScopesOnly() {
    VerifiedToken token = verifier(Clock.systemUTC()).verify(token(ISSUER_ID, AUDIENCE, 3600));

    assertThat(token.subject()).isEqualTo("user-1");
    assertThat(token.scopes())
        .containsExactlyInAnyOrder(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE);
    assertThat(token.admin()).isTrue();
    assertThat(token.claims()).containsEntry("email", "ann@example.org");
  }

  @Test
  void tokenWithoutAdminScopeIsNoAdmin() {
    String raw =
        provider
            .issueToken(
                ISSUER_ID,
                "quiz-app",
                new DefaultOAuth2TokenCallback(
                    ISSUER_ID,
                    "user-2",
                    "JWT",
                    List.of(AUDIENCE),
                    Map.of("scope", "lrs:state"),
                    3600))
            .serialize();

    VerifiedToken token = verifier(Clock.systemUTC()).verify(raw);

    assertThat(token.admin()).isFalse();
    assertThat(token.scopes()).containsExactly(Scope.STATE);
  }

  @Test
  void expiredTokenIsRejected() {
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    assertThatThrownBy(() -> verifier(later).verify(token(ISSUER_ID, AUDIENCE, 3600)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("bearer token: expired at ");
  }

  @Test
  void wrongAudienceIsRejected() {
    assertThatThrownBy(
            () -> verifier(Clock.systemUTC()).verify(token(ISSUER_ID, "other-api", 3600)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("bearer token: wrong audience [other-api]; it must contain lrs4j");
  }

  @Test
  void wrongSignatureIsRejected() {
    String[] parts = token(ISSUER_ID, AUDIENCE, 3600).split("\\.");
    String otherSignature = token(ISSUER_ID, "other-api", 3600).split("\\.")[2];
    String forged = parts[0] + "." + parts[1] + "." + otherSignature;

    assertThatThrownBy(() -> verifier(Clock.systemUTC()).verify(forged))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("bearer token: invalid signature");
  }

  @Test
  void unknownIssuerIsRejected() {
    String other = token("other-idp", AUDIENCE, 3600);

    assertThatThrownBy(() -> verifier(Clock.systemUTC()).verify(other))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("bearer token: unknown issuer '" + provider.issuerUrl("other-idp"));
  }

  @Test
  void garbageIsRejected() {
    assertThatThrownBy(() -> verifier(Clock.systemUTC()).verify("not.a.jwt"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("bearer token: not a signed JWT");
  }

  private static OidcTokenVerifier verifier(Clock clock) {
    return new OidcTokenVerifier(settings, clock);
  }

  private static String token(String issuerId, String audience, long lifetimeSeconds) {
    return provider
        .issueToken(
            issuerId,
            "quiz-app",
            new DefaultOAuth2TokenCallback(
                issuerId,
                "user-1",
                "JWT",
                List.of(audience),
                Map.of("scope", SCOPES, "email", "ann@example.org"),
                lifetimeSeconds))
        .serialize();
  }
}
