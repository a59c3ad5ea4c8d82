package org.lrs4j.core.validation;

import java.util.Objects;

/**
 * One broken rule in a statement or request parameter.
 *
 * @param path JSON path of the offending property, such as {@code
 *     context.contextActivities.parent[0].id}; empty for the statement itself
 * @param value the offending value as JSON text, shortened when long; null when the property is
 *     missing
 * @param rule the rule in plain words, such as "must be a UUID"
 */
public record Violation(String path, String value, String rule) {

  private static final int MAX_VALUE_LENGTH = 80;

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    if (value != null && value.length() > MAX_VALUE_LENGTH) {
      value = value.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }
  }

  /** Returns a copy whose path starts with the given prefix, such as {@code statements[3]}. */
  public Violation under(String prefix) {
    if (path.isEmpty()) {
      return new Violation(prefix, value, rule);
    }
    String separator = path.startsWith("[") ? "" : ".";
    return new Violation(prefix + separator + path, value, rule);
  }

  /** Formats the violation as one line: {@code path: rule (value: ...)}. */
  public String describe() {
    String where = path.isEmpty() ? "statement" : path;
    return value == null ? where + ": " + rule : where + ": " + rule + " (value: " + value + ")";
  }
}
