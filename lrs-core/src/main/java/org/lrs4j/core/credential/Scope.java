package org.lrs4j.core.credential;

import java.util.Optional;

/** An xAPI authorization scope, as the specification lists them. */
public enum Scope {
  STATEMENTS_WRITE("statements/write"),
  STATEMENTS_READ("statements/read"),
  STATEMENTS_READ_MINE("statements/read/mine"),
  ALL_READ("all/read"),
  ALL("all"),
  STATE("state"),
  DEFINE("define"),
  PROFILE("profile");

  private final String value;

  Scope(String value) {
    this.value = value;
  }

  /** Returns the scope as the specification spells it, such as {@code statements/write}. */
  public String value() {
    return value;
  }

  /** Parses the specification's spelling of a scope. */
  public static Optional<Scope> parse(String value) {
    for (Scope scope : values()) {
      if (scope.value.equals(value)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
