package org.lrs4j.core.port;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Port for the shared state of admin sessions and logins: revoked session tokens, failed login
 * attempts and the server's signing key. Kept in the database so that every server behind a load
 * balancer makes the same decisions. Implementations must be thread safe.
 */
public interface AdminSessionRepository {

  /** Marks a session token id as revoked until the token's own expiry. */
  void revoke(String tokenId, Instant expiresAt);

  /** Returns true when the token id was revoked. */
  boolean isRevoked(String tokenId);

  /** Forgets revocations whose tokens have expired before the given time. */
  void purgeRevokedBefore(Instant time);

  /** Records a failed login for a subject, such as {@code user:alice} or {@code ip:10.0.0.1}. */
  void recordFailedLogin(String subject, Instant at);

  /** Counts the failed logins recorded for a subject at or after the given time. */
  int countFailedLogins(String subject, Instant since);

  /** Forgets every failed login recorded before the given time. */
  void purgeFailedLoginsBefore(Instant time);

  /** Forgets the failed logins of a subject, after a successful login. */
  void clearFailedLogins(String subject);

  /**
   * Returns the stored value of a server secret, storing the supplied one first when there is none.
   * When several servers call this at once, all of them get the value that was stored first.
   */
  String secret(String name, Supplier<String> initial);
}
