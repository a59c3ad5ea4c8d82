package org.lrs4j.core.validation;

/** The IRI check of statement validation, for callers outside it such as query parameters. */
public final class Iris {

  private Iris() {}

  /**
   * Returns true for an absolute IRI: a scheme, a colon and a non-empty rest without spaces,
   * control characters, characters RFC 3987 excludes, or a {@code %} not followed by two hex
   * digits.
   */
  public static boolean isAbsolute(String text) {
    return Formats.isIri(text);
  }
}
