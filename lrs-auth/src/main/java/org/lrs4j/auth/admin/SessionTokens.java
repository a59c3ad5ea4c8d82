package org.lrs4j.auth.admin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.port.AdminSessionRepository;

/**
 * Issues and verifies admin session tokens: JWTs signed with HMAC-SHA256. Thread safe.
 *
 * <p>Each token carries the account name ({@code sub}), a random id ({@code jti}), the issue and
 * expiry times, and this server's issuer and audience. Logout stores the {@code jti} as revoked in
 * the database, and verification checks it there, so a token revoked on one server is rejected by
 * every server that shares the database.
 */
public final class SessionTokens {

  /** Name of the signing key in {@link AdminSessionRepository#secret}. */
  public static final String SIGNING_KEY_NAME = "admin-session-hs256";

  static final String ISSUER = "lrs4j";
  static final String AUDIENCE = "lrs4j-admin";
  private static final int KEY_BYTES = 32;

  private final AdminSessionRepository sessions;
  private final Clock clock;
  private final Duration lifetime;
  private final byte[] key;

  /**
   * Creates the token service.
   *
   * @param sessions where revocations and, when {@code configuredKey} is null, the signing key live
   * @param configuredKey the base64 signing key of at least 32 bytes, or null to use the key stored
   *     in the database (generated on first use)
   * @param lifetime how long a token stays valid
   */
  public SessionTokens(
      AdminSessionRepository sessions, String configuredKey, Duration lifetime, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.key = configuredKey == null ? storedKey(sessions) : decodeKey(configuredKey);
  }

  /** Issues a token for an account. */
  public String issue(String username) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(username)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a session token failed", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a token: signature, issuer, audience, expiry and revocation.
   *
   * @throws AuthenticationException with the reason when the token is not valid
   */
  public AdminSession verify(String token) {
    JWTClaimsSet claims = verifiedClaims(token);

    Instant expiresAt = claims.getExpirationTime().toInstant();
    if (!clock.instant().isBefore(expiresAt)) {
      throw new AuthenticationException("session token expired at " + expiresAt);
    }
    String tokenId = claims.getJWTID();
    if (tokenId == null || sessions.isRevoked(tokenId)) {
      throw new AuthenticationException("session token has been revoked (logged out)");
    }
    return new AdminSession(claims.getSubject(), tokenId, expiresAt);
  }

  /** Revokes a verified session, so that no server accepts its token again. */
  public void revoke(AdminSession session) {
    sessions.revoke(session.tokenId(), session.expiresAt());
    sessions.purgeRevokedBefore(clock.instant());
  }

  private JWTClaimsSet verifiedClaims(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
        throw new AuthenticationException("session token: algorithm must be HS256");
      }
      if (!jwt.verify(new MACVerifier(key))) {
        throw new AuthenticationException("session token: invalid signature");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer())
          || !List.of(AUDIENCE).equals(claims.getAudience())
          || claims.getSubject() == null
          || claims.getExpirationTime() == null) {
        throw new AuthenticationException("session token: not issued by this LRS for admin use");
      }
      return claims;
    } catch (ParseException e) {
      throw new AuthenticationException("session token: not a signed JWT", e);
    } catch (JOSEException e) {
      throw new AuthenticationException("session token: signature check failed", e);
    }
  }

  private static byte[] storedKey(AdminSessionRepository sessions) {
    String stored = sessions.secret(SIGNING_KEY_NAME, SessionTokens::newKey);
    return decodeKey(stored);
  }

  private static String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decodeKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("admin session key: not base64", e);
    }
    if (bytes.length < KEY_BYTES) {
      throw new IllegalArgumentException(
          "admin session key: has " + bytes.length + " bytes; HS256 needs at least " + KEY_BYTES);
    }
    return bytes;
  }
}
