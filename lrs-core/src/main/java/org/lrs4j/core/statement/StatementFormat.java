package org.lrs4j.core.statement;

import java.util.Locale;
import java.util.Optional;

/** The {@code format} parameter of a statement query: how much of each object to return. */
public enum StatementFormat {
  /** Statements exactly as stored. */
  EXACT,
  /** Only the properties that identify agents, groups, activities and verbs. */
  IDS,
  /** Language maps reduced to the one language that best fits {@code Accept-Language}. */
  CANONICAL;

  /** Parses a parameter value, which is case sensitive: {@code exact}, {@code ids}, etc. */
  public static Optional<StatementFormat> parse(String value) {
    for (StatementFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
