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
 * @param owner the user name of the admin account that made the key, or null when it was made
 *     outside the admin API (the CLI, the environment at start)
 */
public record Credential(
    String key,
    String secretHash,
    String label,
    Set<Scope> scopes,
    Instant createdAt,
    Instant expiresAt,
    boolean revoked,
    String owner) {

  public Credential {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
    scopes = Set.copyOf(scopes);
  }

  /** Creates a key that no admin account owns. */
  public Credential(
      String key,
      String secretHash,
      String label,
      Set<Scope> scopes,
      Instant createdAt,
      Instant expiresAt,
      boolean revoked) {
    this(key, secretHash, label, scopes, createdAt, expiresAt, revoked, null);
  }

  /** Returns the same key with other scopes. */
  public Credential withScopes(Set<Scope> newScopes) {
    return new Credential(key, secretHash, label, newScopes, createdAt, expiresAt, revoked, owner);
  }

  /** Returns the same key with another secret hash. */
  public Credential withSecretHash(String newHash) {
    return new Credential(key, newHash, label, scopes, createdAt, expiresAt, revoked, owner);
  }

  /** Returns the same key, revoked. */
  public Credential asRevoked() {
    return new Credential(key, secretHash, label, scopes, createdAt, expiresAt, true, owner);
  }

  @Override
  public String toString() {
    return "Credential[key="
        + key
        + ", label="
        + label
        + ", scopes="
        + scopes
        + ", revoked="
        + revoked
        + "]";
  }

  /** Returns true when the key is neither revoked nor expired at the given time. */
  public boolean isActiveAt(Instant now) {
    return !revoked && (expiresAt == null || now.isBefore(expiresAt));
  }
}
