package org.lrs4j.auth.admin;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.util.Objects;

/**
 * Hashes admin passwords with Argon2id (through Password4j) and checks a password against a stored
 * hash. Thread safe.
 *
 * <p>The default cost is 19 MiB of memory, 2 passes and 1 lane, the minimum that the OWASP Password
 * Storage Cheat Sheet recommends for Argon2id. The stored hash is in the PHC string format ({@code
 * $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so it carries its own cost parameters and a hash
 * made with an older cost still verifies after the cost is raised.
 */
public final class PasswordHasher {

  /** Memory cost in KiB of the default hasher. */
  public static final int DEFAULT_MEMORY_KIB = 19 * 1024;

  /** Number of passes of the default hasher. */
  public static final int DEFAULT_ITERATIONS = 2;

  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final String PREFIX = "$argon2id$";

  private final Argon2Function function;

  /** Creates a hasher with the given memory cost (KiB) and number of passes. */
  public PasswordHasher(int memoryKib, int iterations) {
    this.function =
        Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, HASH_BYTES, Argon2.ID);
  }

  /** Returns a hasher with the default cost. */
  public static PasswordHasher standard() {
    return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS);
  }

  /** Returns the storable hash of a password, with a new random salt. */
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    return function.hash(password).getResult();
  }

  /**
   * Returns true when the password matches the stored hash. A stored value that is not an Argon2id
   * hash never matches. Password4j compares the hashes in constant time.
   */
  public boolean matches(String password, String storedHash) {
    Objects.requireNonNull(password, "password");
    if (storedHash == null || !storedHash.startsWith(PREFIX)) {
      return false;
    }
    try {
      return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
