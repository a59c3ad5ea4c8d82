package org.lrs4j.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer access tokens from one OpenID Provider. Thread safe.
 *
 * <p>On first use it reads the provider's discovery document and then its key set (JWKS), which
 * Nimbus caches for {@link OidcSettings#cacheTtl()}. A token signed with a key id ({@code kid})
 * that the cached set lacks makes Nimbus fetch the set again, so a key rotation at the provider
 * needs no restart; Nimbus limits such fetches to one per {@value #MIN_REFETCH_MILLIS} ms.
 *
 * <p>Each failure is an {@link AuthenticationException} with the reason: not a signed JWT, unknown
 * issuer, no matching key, invalid signature, expired, not yet valid, or wrong audience.
 */
public final class OidcTokenVerifier {

  /** Minimum time between two key set fetches, in milliseconds. */
  public static final long MIN_REFETCH_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(OidcTokenVerifier.class);
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);

  private final OidcSettings settings;
  private final Clock clock;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public OidcTokenVerifier(OidcSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the settings. */
  public OidcSettings settings() {
    return settings;
  }

  /**
   * Verifies a token.
   *
   * @throws AuthenticationException with the reason when the token is not accepted
   */
  public VerifiedToken verify(String token) {
    SignedJWT jwt = parse(token);
    requireIssuer(unverifiedClaims(jwt).getIssuer());

    JWTClaimsSet claims = verifySignature(jwt);

    requireTimes(claims);
    requireAudience(claims.getAudience());
    return toVerified(claims);
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new AuthenticationException("bearer token: not a signed JWT", e);
    }
  }

  private static JWTClaimsSet unverifiedClaims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException("bearer token: the payload is not a JWT claims set", e);
    }
  }

  private void requireIssuer(String issuer) {
    if (!settings.issuer().toString().equals(issuer)) {
      throw new AuthenticationException(
          "bearer token: unknown issuer '" + issuer + "'; expected " + settings.issuer());
    }
  }

  private JWTClaimsSet verifySignature(SignedJWT jwt) {
    try {
      return processor().process(jwt, null);
    } catch (BadJOSEException e) {
      throw new AuthenticationException(signatureReason(jwt, e), e);
    } catch (JOSEException e) {
      LOG.warn("Verifying a bearer token failed: {}", e.toString());
      throw new AuthenticationException(
          "bearer token: the issuer's keys could not be fetched; try again later", e);
    }
  }

  private static String signatureReason(SignedJWT jwt, BadJOSEException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Invalid signature")) {
      return "bearer token: invalid signature";
    }
    if (message.contains("no matching key")) {
      return "bearer token: no key of the issuer matches kid '"
          + jwt.getHeader().getKeyID()
          + "' and algorithm "
          + jwt.getHeader().getAlgorithm()
          + "; accepted algorithms are the asymmetric JWS ones (RS, PS, ES, EdDSA)";
    }
    return "bearer token: rejected: " + message;
  }

  private void requireTimes(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new AuthenticationException("bearer token: exp is missing");
    }
    if (expires.toInstant().plus(settings.clockSkew()).isBefore(now)) {
      throw new AuthenticationException("bearer token: expired at " + expires.toInstant());
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(settings.clockSkew()).isAfter(now)) {
      throw new AuthenticationException("bearer token: not valid before " + notBefore.toInstant());
    }
  }

  private void requireAudience(List<String> audience) {
    if (audience == null || !audience.contains(settings.audience())) {
      throw new AuthenticationException(
          "bearer token: wrong audience "
              + (audience == null ? "[]" : audience)
              + "; it must contain "
              + settings.audience());
    }
  }

  private VerifiedToken toVerified(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    if (subject == null || subject.isEmpty()) {
      throw new AuthenticationException("bearer token: sub is missing");
    }
    Map<String, String> texts = claimTexts(claims);
    String client = texts.getOrDefault("client_id", texts.getOrDefault("azp", subject));

    Set<String> granted = grantedScopes(texts);
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    granted.forEach(name -> Scope.parse(name).ifPresent(scopes::add));
    boolean admin = granted.contains(settings.adminScope());
    return new VerifiedToken(
        subject, client, scopes, admin, texts, claims.getExpirationTime().toInstant());
  }

  private Set<String> grantedScopes(Map<String, String> claims) {
    String raw = claims.getOrDefault("scope", claims.getOrDefault("scp", ""));
    String prefix = settings.scopePrefix();
    return List.of(raw.split(" ")).stream()
        .filter(name -> !name.isEmpty() && name.startsWith(prefix))
        .map(name -> name.substring(prefix.length()))
        .collect(Collectors.toSet());
  }

  private static Map<String, String> claimTexts(JWTClaimsSet claims) {
    Map<String, String> texts = new HashMap<>();
    claims
        .getClaims()
        .forEach(
            (name, value) -> {
              if (value instanceof Collection<?> values) {
                texts.put(
                    name, values.stream().map(String::valueOf).collect(Collectors.joining(" ")));
              } else if (value instanceof Date date) {
                texts.put(name, String.valueOf(date.toInstant().getEpochSecond()));
              } else if (value != null) {
                texts.put(name, String.valueOf(value));
              }
            });
    return texts;
  }

  private DefaultJWTProcessor<SecurityContext> processor() {
    DefaultJWTProcessor<SecurityContext> current = processor;
    if (current == null) {
      synchronized (this) {
        current = processor;
        if (current == null) {
          current = newProcessor();
          processor = current;
        }
      }
    }
    return current;
  }

  private DefaultJWTProcessor<SecurityContext> newProcessor() {
    URI jwksUri;
    try {
      jwksUri = OidcDiscovery.jwksUri(settings);
    } catch (IllegalStateException e) {
      LOG.warn("OIDC discovery failed: {}", e.getMessage());
      throw new AuthenticationException(
          "bearer token: the issuer's discovery document could not be read; try again later", e);
    }
    LOG.info("OIDC issuer {} publishes its keys at {}", settings.issuer(), jwksUri);

    JWKSource<SecurityContext> keys;
    try {
      long ttl = settings.cacheTtl().toMillis();
      keys =
          JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL())
              .cache(ttl, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
              .rateLimited(MIN_REFETCH_MILLIS)
              .build();
    } catch (MalformedURLException e) {
      throw new AuthenticationException("bearer token: the issuer's jwks_uri is not a URL", e);
    }

    DefaultJWTProcessor<SecurityContext> created = new DefaultJWTProcessor<>();
    created.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    created.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    // Times and audience are checked afterwards, to report each failure with its own reason.
    created.setJWTClaimsSetVerifier((claims, context) -> {});
    return created;
  }
}
