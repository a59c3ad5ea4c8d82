package org.lrs4j.core.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API key that a client authenticates with over HTTP Basic. The secret itself is never kept:
 * only its hash.
 *
 * @param key the public key id, sent as the Basic user name
 * @param secretHash hash of the secret, in the format of the hasher that made it
 * @param label a name for people, such as the content provider the key was made for
 * @param scopes what the key may do
 * @param createdAt when the key was made
 * @param expiresAt when the key stops working, or null for never
 * @param revoked true once the key has been revoked
 */
public record Credential(
    String key,
    String secretHash,
    String label,
    Set<Scope> scopes,
    Instant createdAt,
    Instant expiresAt,
    boolean revoked) {

  public Credential {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
    scopes = Set.copyOf(scopes);
  }

  /** Returns true when the key is neither revoked nor expired at the given time. */
  public boolean isActiveAt(Instant now) {
    return !revoked && (expiresAt == null || now.isBefore(expiresAt));
  }
}
