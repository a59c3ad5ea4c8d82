package org.lrs4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.attachment.SignedPayload;
import org.lrs4j.core.error.InvalidRequestException;

class JwsSignatureVerifierTest {

  private static final String PAYLOAD =
      "{\"actor\":{\"mbox\":\"mailto:alice@example.com\"},"
          + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
          + "\"object\":{\"id\":\"http://example.com/courses/algebra\"}}";

  private static KeyPair keys;
  private static KeyPair otherKeys;
  private static X509Certificate certificate;

  private final JwsSignatureVerifier verifier = new JwsSignatureVerifier();

  @BeforeAll
  static void createKeys() {
    keys = TestSignatures.rsaKeys();
    otherKeys = TestSignatures.rsaKeys();
    certificate = TestSignatures.selfSigned(keys, "Signer");
  }

  @Test
  void signatureWithCertificateIsVerified() {
    String jws = TestSignatures.sign(PAYLOAD, JWSAlgorithm.RS256, keys, certificate);

    SignedPayload signed = verifier.verify(jws);

    assertThat(signed.payload()).isEqualTo(PAYLOAD);
    assertThat(signed.algorithm()).isEqualTo("RS256");
  }

  @Test
  void rs384AndRs512AreAccepted() {
    for (JWSAlgorithm algorithm : new JWSAlgorithm[] {JWSAlgorithm.RS384, JWSAlgorithm.RS512}) {
      String jws = TestSignatures.sign(PAYLOAD, algorithm, keys, certificate);

      assertThat(verifier.verify(jws).algorithm()).isEqualTo(algorithm.getName());
    }
  }

  @Test
  void signatureByOtherKeyIsRejected() {
    String jws = TestSignatures.sign(PAYLOAD, JWSAlgorithm.RS256, otherKeys, certificate);

    assertThatThrownBy(() -> verifier.verify(jws))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("does not verify")
        .hasMessageContaining("CN=Signer");
  }

  @Test
  void signatureWithoutCertificateIsOnlyParsed() {
    String jws = TestSignatures.sign(PAYLOAD, JWSAlgorithm.RS512, otherKeys, null);

    assertThat(verifier.verify(jws).payload()).isEqualTo(PAYLOAD);
  }

  @Test
  void hmacAlgorithmIsRejected() throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(PAYLOAD));
    jws.sign(new MACSigner(new byte[32]));

    assertThatThrownBy(() -> verifier.verify(jws.serialize()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("RS256, RS384 or RS512")
        .hasMessageContaining("HS256");
  }

  @Test
  void ps256IsRejected() {
    String jws = TestSignatures.sign(PAYLOAD, JWSAlgorithm.PS256, keys, certificate);

    assertThatThrownBy(() -> verifier.verify(jws))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("PS256");
  }

  @Test
  void malformedJwsIsRejected() {
    for (String jws : new String[] {"", "not a jws", "a.b", "e30.e30.!!!", "{\"payload\":\"x\"}"}) {
      assertThatThrownBy(() -> verifier.verify(jws))
          .as(jws)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("JWS");
    }
  }

  @Test
  void certificateThatIsNotDerIsRejected() {
    String good = TestSignatures.sign(PAYLOAD, JWSAlgorithm.RS256, keys, null);
    String header =
        com.nimbusds.jose.util.Base64URL.encode(
                "{\"alg\":\"RS256\",\"x5c\":[\"AAAA\"]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    String jws = header + good.substring(good.indexOf('.'));

    assertThatThrownBy(() -> verifier.verify(jws))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("x5c");
  }
}
