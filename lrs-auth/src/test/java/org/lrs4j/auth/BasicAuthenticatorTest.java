package org.lrs4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;

class BasicAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final String HOME_PAGE = "https://lrs.example.com";

  private final InMemoryCredentials repository = new InMemoryCredentials();
  private final ApiKeys keys =
      new ApiKeys(repository, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
  private final BasicAuthenticator authenticator = new BasicAuthenticator(keys, HOME_PAGE);

  @Test
  void validKeyBecomesPrincipal() {
    NewApiKey key = keys.create("provider", Set.of(Scope.STATEMENTS_WRITE), null);

    Principal principal = authenticator.authenticate(basic(key.key(), key.secret()));

    assertThat(principal.key()).isEqualTo(key.key());
    assertThat(principal.scopes()).containsExactly(Scope.STATEMENTS_WRITE);
    assertThat(principal.authority().toString())
        .isEqualTo(
            "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lrs.example.com\","
                + "\"name\":\""
                + key.key()
                + "\"}}");
  }

  @Test
  void schemeIsCaseInsensitive() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);
    String encoded = encode(key.key() + ":" + key.secret());

    Principal principal = authenticator.authenticate(Optional.of("bAsIc " + encoded));

    assertThat(principal.key()).isEqualTo(key.key());
  }

  @Test
  void secretIsStoredHashed() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);

    String stored = repository.findByKey(key.key()).orElseThrow().secretHash();

    assertThat(stored).startsWith("sha256:").doesNotContain(key.secret());
  }

  @Test
  void createdKeysAreUrlSafeAndLong() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);

    assertThat(key.key()).matches("[A-Za-z0-9_-]{16}");
    assertThat(key.secret()).matches("[A-Za-z0-9_-]{43}");
    assertThat(key.toString()).doesNotContain(key.secret());
  }

  @Test
  void missingHeaderIsRejected() {
    assertThatThrownBy(() -> authenticator.authenticate(Optional.empty()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> authenticator.authenticate(Optional.of("  ")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void malformedHeadersAreRejected() {
    String[] headers = {
      "Basic",
      "Basic !!!not-base64!!!",
      "Basic " + encode("no-colon"),
      "Basic " + encode(":secret-without-key"),
      "Bearer abc.def.ghi",
      "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}),
    };
    for (String header : headers) {
      assertThatThrownBy(() -> authenticator.authenticate(Optional.of(header)))
          .as(header)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageStartingWith("Authorization:");
    }
  }

  @Test
  void unknownKeyIsRejected() {
    assertThatThrownBy(() -> authenticator.authenticate(basic("nobody", "secret")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Authorization: unknown key or wrong secret for key nobody");
  }

  @Test
  void wrongSecretIsRejected() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);

    assertThatThrownBy(() -> authenticator.authenticate(basic(key.key(), key.secret() + "x")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Authorization: unknown key or wrong secret for key " + key.key());
  }

  @Test
  void revokedKeyIsRejected() {
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), null);
    Credential stored = key.credential();
    repository.update(
        new Credential(
            stored.key(),
            stored.secretHash(),
            stored.label(),
            stored.scopes(),
            stored.createdAt(),
            null,
            true));

    assertThatThrownBy(() -> authenticator.authenticate(basic(key.key(), key.secret())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Authorization: key " + key.key() + " has been revoked");
  }

  @Test
  void expiredKeyIsRejected() {
    Instant expiry = NOW.plusSeconds(60);
    NewApiKey key = keys.create("provider", Set.of(Scope.ALL), expiry);
    ApiKeys later =
        new ApiKeys(repository, Clock.fixed(expiry, ZoneOffset.UTC), new SecureRandom());
    BasicAuthenticator laterAuthenticator = new BasicAuthenticator(later, HOME_PAGE);

    assertThatThrownBy(() -> laterAuthenticator.authenticate(basic(key.key(), key.secret())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Authorization: key " + key.key() + " expired at " + expiry);
  }

  @Test
  void createIfMissingKeepsExistingKey() {
    Optional<Credential> first =
        keys.createIfMissing("bootstrap", "first-secret", "env", Set.of(Scope.ALL));
    Optional<Credential> second =
        keys.createIfMissing("bootstrap", "second-secret", "env", Set.of(Scope.ALL));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(authenticator.authenticate(basic("bootstrap", "first-secret")).key())
        .isEqualTo("bootstrap");
  }

  @Test
  void principalRequiresScope() {
    NewApiKey key = keys.create("reader", Set.of(Scope.STATEMENTS_READ), null);
    Principal principal = authenticator.authenticate(basic(key.key(), key.secret()));

    principal.requireAny(Scope.STATEMENTS_READ, Scope.ALL);
    assertThatThrownBy(() -> principal.requireAny(Scope.STATEMENTS_WRITE, Scope.ALL))
        .hasMessageContaining("statements/write, all");
  }

  private static Optional<String> basic(String key, String secret) {
    return Optional.of("Basic " + encode(key + ":" + secret));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
