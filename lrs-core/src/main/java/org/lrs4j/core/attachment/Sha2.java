package org.lrs4j.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-2 hashes as xAPI writes them in {@code sha2} and {@code X-Experience-API-Hash}: lowercase or
 * uppercase hex, whose length selects the algorithm (56 digits SHA-224, 64 SHA-256, 96 SHA-384, 128
 * SHA-512).
 */
public final class Sha2 {

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  private Sha2() {}

  /** Returns the JCA name of the SHA-2 algorithm for a hex hash, or empty when it is not one. */
  public static Optional<String> algorithmOf(String hex) {
    if (hex == null || !HEX.matcher(hex).matches()) {
      return Optional.empty();
    }
    return switch (hex.length()) {
      case 56 -> Optional.of("SHA-224");
      case 64 -> Optional.of("SHA-256");
      case 96 -> Optional.of("SHA-384");
      case 128 -> Optional.of("SHA-512");
      default -> Optional.empty();
    };
  }

  /** Returns the hash in the form the LRS compares and stores: lowercase hex. */
  public static String normalize(String hex) {
    return hex.toLowerCase(Locale.ROOT);
  }

  /**
   * Hashes the content with the named algorithm and returns lowercase hex.
   *
   * @throws UncheckedIOException when the content cannot be read
   */
  public static String hash(ContentSource content, String algorithm) {
    MessageDigest digest = digest(algorithm);
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = content.open()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading attachment content failed", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }
}
