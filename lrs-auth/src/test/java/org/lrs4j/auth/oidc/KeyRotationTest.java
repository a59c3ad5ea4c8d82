package org.lrs4j.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.AuthenticationException;

/** Key set caching and key rotation, against a provider whose key set the test controls. */
class KeyRotationTest {

  private JdkOpenIdProvider provider;
  private OidcTokenVerifier verifier;

  @BeforeEach
  void startProvider() throws Exception {
    provider = new JdkOpenIdProvider();
    verifier =
        new OidcTokenVerifier(OidcSettings.of(provider.issuer(), "lrs4j", ""), Clock.systemUTC());
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  @Test
  void keySetIsFetchedOnceForManyTokens() throws Exception {
    RSAKey key = provider.addKey("key-1");

    for (int i = 0; i < 20; i++) {
      verifier.verify(provider.token(key, "lrs4j", "all"));
    }

    assertThat(provider.jwksFetches()).isEqualTo(1);
  }

  @Test
  void unknownKidMakesTheVerifierFetchAgain() throws Exception {
    RSAKey first = provider.addKey("key-1");
    verifier.verify(provider.token(first, "lrs4j", "all"));
    Thread.sleep(OidcTokenVerifier.MIN_REFETCH_MILLIS + 100);

    RSAKey second = provider.addKey("key-2");
    provider.removeKey(first);
    VerifiedToken token = verifier.verify(provider.token(second, "lrs4j", "all"));

    assertThat(token.subject()).isEqualTo("user-1");
    assertThat(provider.jwksFetches()).isEqualTo(2);
  }

  @Test
  void removedKeyIsRejectedAfterRotation() throws Exception {
    RSAKey first = provider.addKey("key-1");
    String oldToken = provider.token(first, "lrs4j", "all");
    verifier.verify(oldToken);
    Thread.sleep(OidcTokenVerifier.MIN_REFETCH_MILLIS + 100);

    RSAKey second = provider.addKey("key-2");
    provider.removeKey(first);
    verifier.verify(provider.token(second, "lrs4j", "all"));
    Thread.sleep(OidcTokenVerifier.MIN_REFETCH_MILLIS + 100);

    assertThatThrownBy(() -> verifier.verify(oldToken))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("bearer token: no key of the issuer matches kid 'key-1'");
  }
}
