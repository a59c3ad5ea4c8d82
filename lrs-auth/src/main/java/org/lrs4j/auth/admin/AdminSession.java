package org.lrs4j.auth.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in administrator, from a verified session token.
 *
 * @param username the account name, or {@code oidc:<subject>} for an identity provider's token
 * @param tokenId the token's {@code jti}, which logout revokes; empty for identity provider tokens
 * @param expiresAt when the token stops working
 */
public record AdminSession(String username, String tokenId, Instant expiresAt) {

  public AdminSession {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
