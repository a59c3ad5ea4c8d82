package org.lrs4j.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes API key secrets for storage and checks a presented secret against a stored hash.
 *
 * <p>The hash is a plain SHA-256, stored as {@code sha256:<hex>}. A slow password hash (bcrypt,
 * Argon2) protects low-entropy secrets that people choose; the secrets here are 256 random bits
 * made by {@link ApiKeys}, so a leaked hash cannot be reversed by guessing, and a fast hash keeps
 * every request cheap. Secrets that an operator chooses (such as the bootstrap key from the
 * environment) get the same hash, so they should be long and random too. Comparison uses {@link
 * MessageDigest#isEqual}, which takes the same time wherever the inputs differ.
 */
final class SecretHasher {

  private static final String PREFIX = "sha256:";

  /** Returns the storable hash of a secret. */
  String hash(String secret) {
    return PREFIX + HexFormat.of().formatHex(digest(secret));
  }

  /** Returns true when the secret matches the stored hash. */
  boolean matches(String secret, String storedHash) {
    byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
    byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(presented, stored);
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
