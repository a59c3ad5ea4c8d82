package org.lrs4j.core.validation;

import java.util.Locale;
import java.util.Set;

/**
 * Syntax checks for the string formats xAPI uses: IRIs, mailto IRIs, UUIDs, hashes, media types and
 * RFC 5646 language tags. Each check is a single linear scan without regular expressions.
 */
final class Formats {

  // Characters that RFC 3987 allows nowhere in an IRI.
  private static final String IRI_EXCLUDED = "<>\"{}|\\^`";
  private static final String MEDIA_TYPE_SPECIALS = "()<>@,;:\\\"/[]?=";

  // Irregular grandfathered tags of RFC 5646; the regular ones already match the generic syntax.
  private static final Set<String> IRREGULAR_LANGUAGE_TAGS =
      Set.of(
          "en-gb-oed",
          "i-ami",
          "i-bnn",
          "i-default",
          "i-enochian",
          "i-hak",
          "i-klingon",
          "i-lux",
          "i-mingo",
          "i-navajo",
          "i-pwn",
          "i-tao",
          "i-tay",
          "i-tsu",
          "sgn-be-fr",
          "sgn-be-nl",
          "sgn-ch-de");

  private Formats() {}

  /**
   * Returns true for an absolute IRI: a scheme, a colon and a non-empty rest without spaces,
   * control characters, characters RFC 3987 excludes, or a {@code %} not followed by two hex
   * digits.
   */
  static boolean isIri(String text) {
    int colon = schemeEnd(text);
    if (colon < 0 || colon == text.length() - 1) {
      return false;
    }
    for (int i = colon + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) || IRI_EXCLUDED.indexOf(c) >= 0) {
        return false;
      }
      if (c == '%' && !(isHexAt(text, i + 1) && isHexAt(text, i + 2))) {
        return false;
      }
    }
    return true;
  }

  /** Returns true for {@code mailto:} followed by an address with a local part and a domain. */
  static boolean isMailtoIri(String text) {
    if (!text.startsWith("mailto:") || !isIri(text)) {
      return false;
    }
    int at = text.lastIndexOf('@');
    return at > "mailto:".length() && at < text.length() - 1;
  }

  /** Returns true for a UUID in the 8-4-4-4-12 hex form, of any version, in either case. */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? text.charAt(i) != '-' : !isHexAt(text, i)) {
        return false;
      }
    }
    return true;
  }

  /** Returns true for a hex string of exactly the given length. */
  static boolean isHexString(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isHexAt(text, i)) {
        return false;
      }
    }
    return true;
  }

  /** Returns true for a hex SHA-224, SHA-256, SHA-384 or SHA-512 digest. */
  static boolean isSha2(String text) {
    int length = text.length();
    return (length == 56 || length == 64 || length == 96 || length == 128)
        && isHexString(text, length);
  }

  /** Returns true for an Internet media type such as {@code application/pdf; charset=utf-8}. */
  static boolean isMediaType(String text) {
    int slash = text.indexOf('/');
    int end = text.indexOf(';');
    end = end < 0 ? text.length() : end;
    return slash > 0 && slash < end - 1 && isToken(text, 0, slash) && isToken(text, slash + 1, end);
  }

  /**
   * Returns true for a language tag that follows the RFC 5646 syntax: language, extended language,
   * script, region, variants, extensions and private use subtags in that order, or a grandfathered
   * tag. Case is ignored, and the subtags are not looked up in the IANA registry.
   */
  static boolean isLanguageTag(String tag) {
    if (tag.isEmpty()) {
      return false;
    }
    if (tag.length() <= 11 && IRREGULAR_LANGUAGE_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
      return true;
    }
    LanguageTagScanner scanner = new LanguageTagScanner();
    int start = 0;
    while (start <= tag.length()) {
      int end = tag.indexOf('-', start);
      end = end < 0 ? tag.length() : end;
      if (!scanner.accept(tag, start, end)) {
        return false;
      }
      start = end + 1;
    }
    return scanner.isComplete();
  }

  static boolean isHexAt(String text, int index) {
    if (index >= text.length()) {
      return false;
    }
    char c = text.charAt(index);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int schemeEnd(String text) {
    if (text.isEmpty() || !isAlpha(text.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isToken(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || MEDIA_TYPE_SPECIALS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Walks the subtags of a language tag left to right, tracking which kinds may still follow. */
  private static final class LanguageTagScanner {

    private static final int START = 0;
    private static final int EXTLANG = 1;
    private static final int SCRIPT = 2;
    private static final int REGION = 3;
    private static final int VARIANT = 4;
    private static final int EXTENSION_START = 5;
    private static final int EXTENSION = 6;
    private static final int PRIVATE_USE_START = 7;
    private static final int PRIVATE_USE = 8;

    private int state = START;
    private int extlangs;

    boolean accept(String tag, int start, int end) {
      int length = end - start;
      if (length < 1 || length > 8) {
        return false;
      }
      boolean alpha = true;
      boolean digit = true;
      for (int i = start; i < end; i++) {
        char c = tag.charAt(i);
        alpha &= isAlpha(c);
        digit &= isDigit(c);
        if (!isAlpha(c) && !isDigit(c)) {
          return false;
        }
      }
      char first = Character.toLowerCase(tag.charAt(start));
      return next(length, alpha, digit, first);
    }

    boolean isComplete() {
      return state != START && state != EXTENSION_START && state != PRIVATE_USE_START;
    }

    private boolean next(int length, boolean alpha, boolean digit, char first) {
      if (state == PRIVATE_USE_START || state == PRIVATE_USE) {
        state = PRIVATE_USE;
        return true;
      }
      if (length == 1) {
        return singleton(first);
      }
      if (state == START) {
        return language(length, alpha);
      }
      if (state == EXTENSION_START || state == EXTENSION) {
        state = EXTENSION;
        return true;
      }
      return afterLanguage(length, alpha, digit, first);
    }

    private boolean singleton(char first) {
      if (first == 'x') {
        state = PRIVATE_USE_START;
        return true;
      }
      if (state == START || state == EXTENSION_START) {
        return false;
      }
      state = EXTENSION_START;
      return true;
    }

    private boolean language(int length, boolean alpha) {
      if (!alpha) {
        return false;
      }
      state = length <= 3 ? EXTLANG : SCRIPT;
      return true;
    }

    private boolean afterLanguage(int length, boolean alpha, boolean digit, char first) {
      if (state == EXTLANG && alpha && length == 3 && extlangs < 3) {
        extlangs++;
        return true;
      }
      if (state <= SCRIPT && alpha && length == 4) {
        state = REGION;
        return true;
      }
      if (state <= REGION && ((alpha && length == 2) || (digit && length == 3))) {
        state = VARIANT;
        return true;
      }
      if (length >= 5 || (length == 4 && isDigit(first))) {
        state = VARIANT;
        return true;
      }
      return false;
    }
  }
}
