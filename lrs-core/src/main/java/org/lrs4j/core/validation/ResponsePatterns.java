package org.lrs4j.core.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Format of a response pattern for each interaction type: item ids joined by {@code [,]}, pairs
 * joined by {@code [.]}, numeric ranges joined by {@code [:]}. An item id is checked against a
 * component list only when the definition has that list. Characterstring parameters such as {@code
 * {case_matters=true}} are not validated.
 */
final class ResponsePatterns {

  private static final String ITEMS = "[,]";
  private static final String PAIR = "[.]";
  private static final String RANGE = "[:]";

  private ResponsePatterns() {}

  /** Returns the rule the pattern breaks for the interaction type, or null when it is valid. */
  static String violation(String type, String pattern, Map<String, Set<String>> ids) {
    return switch (type) {
      case "true-false" ->
          pattern.equals("true") || pattern.equals("false")
              ? null
              : "must be true or false for a true-false interaction";
      case "choice", "sequencing" -> items(pattern, ids.get("choices"), "choices");
      case "likert" -> likert(pattern, ids.get("scale"));
      case "matching" -> matching(pattern, ids.get("source"), ids.get("target"));
      case "performance" -> performance(pattern, ids.get("steps"));
      case "numeric" -> numericRange(pattern);
      default -> null;
    };
  }

  private static String items(String pattern, Set<String> known, String list) {
    if (pattern.isEmpty()) {
      return null;
    }
    for (String item : InteractionRules.split(pattern, ITEMS)) {
      if (known != null && !known.contains(item)) {
        return "must list ids from "
            + list
            + " separated by [,], but found the unknown id \""
            + item
            + "\"";
      }
    }
    return null;
  }

  private static String likert(String pattern, Set<String> scale) {
    if (pattern.contains(ITEMS)) {
      return "must be a single scale id for a likert interaction, without [,]";
    }
    return items(pattern, scale, "scale");
  }

  private static String matching(String pattern, Set<String> sources, Set<String> targets) {
    for (String pair : InteractionRules.split(pattern, ITEMS)) {
      List<String> parts = InteractionRules.split(pair, PAIR);
      if (parts.size() != 2) {
        return "must list source[.]target pairs separated by [,], but \""
            + pair
            + "\" is not a pair";
      }
      if (sources != null && !sources.contains(parts.get(0))) {
        return "must use ids from source, but found the unknown id \"" + parts.get(0) + "\"";
      }
      if (targets != null && !targets.contains(parts.get(1))) {
        return "must use ids from target, but found the unknown id \"" + parts.get(1) + "\"";
      }
    }
    return null;
  }

  private static String performance(String pattern, Set<String> steps) {
    for (String step : InteractionRules.split(skipParameters(pattern), ITEMS)) {
      int separator = step.indexOf(PAIR);
      if (separator < 1) {
        return "must list step[.]response entries separated by [,], but \""
            + step
            + "\" has no step id";
      }
      String id = step.substring(0, separator);
      if (steps != null && !steps.contains(id)) {
        return "must use ids from steps, but found the unknown id \"" + id + "\"";
      }
    }
    return null;
  }

  private static String numericRange(String pattern) {
    List<String> bounds = InteractionRules.split(pattern, RANGE);
    boolean valid =
        switch (bounds.size()) {
          case 1 -> isNumber(pattern);
          case 2 ->
              (bounds.get(0).isEmpty() || isNumber(bounds.get(0)))
                  && (bounds.get(1).isEmpty() || isNumber(bounds.get(1)))
                  && !(bounds.get(0).isEmpty() && bounds.get(1).isEmpty());
          default -> false;
        };
    return valid ? null : "must be a number or a range min[:]max with min, max or both";
  }

  /** Skips characterstring parameters such as {@code {order_matters=false}} at the start. */
  private static String skipParameters(String pattern) {
    int start = 0;
    while (start < pattern.length() && pattern.charAt(start) == '{') {
      int end = pattern.indexOf('}', start);
      if (end < 0) {
        return pattern;
      }
      start = end + 1;
    }
    return pattern.substring(start);
  }

  /** Returns true for a JSON-style decimal number such as {@code -1.5} or {@code 2e3}. */
  static boolean isNumber(String text) {
    int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    int digits = 0;
    while (i < text.length() && Formats.isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && Formats.isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      i += i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+') ? 1 : 0;
      int exponentStart = i;
      while (i < text.length() && Formats.isDigit(text.charAt(i))) {
        i++;
      }
      return i > exponentStart && i == text.length();
    }
    return i == text.length();
  }
}
