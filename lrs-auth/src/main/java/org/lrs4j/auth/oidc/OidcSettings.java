package org.lrs4j.auth.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where bearer tokens come from and how to read them.
 *
 * @param issuer the issuer URL exactly as the provider's tokens carry it in {@code iss}; the
 *     discovery document is read from {@code <issuer>/.well-known/openid-configuration}
 * @param audience the value that the token's {@code aud} must contain
 * @param scopePrefix the prefix of the LRS's scopes in the token's scope claim, such as {@code
 *     lrs:}; scopes without it are ignored; empty for none
 * @param adminScope the scope (after the prefix) that grants the admin API
 * @param cacheTtl how long the fetched key set is used before it is fetched again
 * @param clockSkew how far the token's {@code exp} and {@code nbf} may be off from this clock
 */
public record OidcSettings(
    URI issuer,
    String audience,
    String scopePrefix,
    String adminScope,
    Duration cacheTtl,
    Duration clockSkew) {

  public OidcSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    scopePrefix = scopePrefix == null ? "" : scopePrefix;
    adminScope = adminScope == null || adminScope.isBlank() ? "admin" : adminScope;
    cacheTtl = cacheTtl == null ? Duration.ofMinutes(15) : cacheTtl;
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    if (!issuer.isAbsolute()) {
      throw new IllegalArgumentException("OIDC issuer: must be an absolute URL: " + issuer);
    }
    if (audience.isBlank()) {
      throw new IllegalArgumentException("OIDC audience: must not be empty");
    }
  }

  /** Returns settings with the default admin scope, cache time and clock skew. */
  public static OidcSettings of(URI issuer, String audience, String scopePrefix) {
    return new OidcSettings(issuer, audience, scopePrefix, null, null, null);
  }

  /** Returns the URL of the discovery document. */
  public URI discoveryUrl() {
    String base = issuer.toString();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(trimmed + "/.well-known/openid-configuration");
  }
}
