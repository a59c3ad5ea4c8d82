package org.lrs4j.auth.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lrs4j.core.credential.Scope;

/**
 * A bearer token whose signature, issuer, audience and times have been checked.
 *
 * @param subject the {@code sub} claim
 * @param client the {@code client_id} claim, else {@code azp}, else {@code sub}
 * @param scopes the xAPI scopes the token grants, prefix removed
 * @param admin true when the token grants the admin API
 * @param claims every top-level claim as text; arrays are joined with single spaces
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedToken(
    String subject,
    String client,
    Set<Scope> scopes,
    boolean admin,
    Map<String, String> claims,
    Instant expiresAt) {

  public VerifiedToken {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
    claims = Map.copyOf(claims);
  }

  /** Returns the id that stands for this token's caller: {@code oidc:<client>}. */
  public String key() {
    return "oidc:" + client;
  }
}
