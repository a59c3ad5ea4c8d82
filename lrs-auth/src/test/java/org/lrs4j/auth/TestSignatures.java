package org.lrs4j.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** RSA keys, self-signed certificates and JWS signatures made for a test. */
public final class TestSignatures {

  private TestSignatures() {}

  /** Generates a 2048-bit RSA key pair. */
  public static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns a certificate for the key pair, signed by itself, valid for one day. */
  public static X509Certificate selfSigned(KeyPair keys, String commonName) {
    X500Name name = new X500Name("CN=" + commonName);
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            keys.getPublic());
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs the payload with the private key and returns the compact serialization; with a
   * certificate, the header carries it as a one-entry {@code x5c} chain.
   */
  public static String sign(
      String payload, JWSAlgorithm algorithm, KeyPair keys, X509Certificate certificate) {
    JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
    try {
      if (certificate != null) {
        header.x509CertChain(List.of(Base64.encode(certificate.getEncoded())));
      }
      JWSObject jws = new JWSObject(header.build(), new Payload(payload));
      jws.sign(new RSASSASigner(keys.getPrivate()));
      return jws.serialize();
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
