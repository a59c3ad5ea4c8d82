package org.lrs4j.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.lrs4j.core.attachment.SignedPayload;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.port.SignatureVerifier;

/**
 * Checks the JWS of a signed statement with nimbus-jose-jwt. Only the compact serialization and the
 * algorithms RS256, RS384 and RS512 are accepted. When the header has an {@code x5c} chain, the
 * signature must verify with the public key of the leaf certificate; the chain itself is not
 * validated against trusted roots, because xAPI uses it to catch mistakes, not to authenticate the
 * signer. Without {@code x5c} only the structure is checked. Thread safe.
 */
public final class JwsSignatureVerifier implements SignatureVerifier {

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  @Override
  public SignedPayload verify(String jws) {
    JWSObject signed = parse(jws);
    JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(algorithm)) {
      throw new InvalidRequestException(
          "the JWS algorithm must be RS256, RS384 or RS512 (value: " + algorithm + ")");
    }

    List<Base64> chain = signed.getHeader().getX509CertChain();
    if (chain != null && !chain.isEmpty()) {
      verifyWithLeaf(signed, chain.get(0));
    }
    return new SignedPayload(signed.getPayload().toString(), algorithm.getName());
  }

  private static JWSObject parse(String jws) {
    try {
      return JWSObject.parse(jws);
    } catch (ParseException e) {
      throw new InvalidRequestException(
          "invalid JWS, expected the compact serialization header.payload.signature: "
              + e.getMessage(),
          e);
    }
  }

  private static void verifyWithLeaf(JWSObject signed, Base64 leaf) {
    X509Certificate certificate = X509CertUtils.parse(leaf.decode());
    if (certificate == null) {
      throw new InvalidRequestException(
          "x5c: the first entry of the JWS certificate chain is not a DER X.509 certificate");
    }
    PublicKey key = certificate.getPublicKey();
    if (!(key instanceof RSAPublicKey rsaKey)) {
      throw new InvalidRequestException(
          "x5c: the leaf certificate must hold an RSA public key (value: "
              + key.getAlgorithm()
              + ")");
    }

    boolean valid;
    try {
      valid = signed.verify(new RSASSAVerifier(rsaKey));
    } catch (JOSEException e) {
      throw new InvalidRequestException("the JWS signature could not be verified: " + e, e);
    }
    if (!valid) {
      throw new InvalidRequestException(
          "the JWS signature does not verify with the public key of the x5c leaf certificate "
              + certificate.getSubjectX500Principal().getName());
    }
  }
}
