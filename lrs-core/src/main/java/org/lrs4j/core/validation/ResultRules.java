package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Rules for a statement's {@code result}: score bounds, booleans, response and duration. */
final class ResultRules {

  private static final Set<String> RESULT_PROPERTIES =
      Set.of("score", "success", "completion", "response", "duration", "extensions");
  private static final Set<String> SCORE_PROPERTIES = Set.of("scaled", "raw", "min", "max");

  private ResultRules() {}

  static void result(ObjectNode statement, JsonPath path, Checker checker) {
    ObjectNode result = checker.object(statement, "result", path, false);
    if (result == null) {
      return;
    }
    JsonPath at = path.child("result");
    checker.allowOnly(result, at, RESULT_PROPERTIES);
    score(result, at, checker);
    checker.bool(result, "success", at);
    checker.bool(result, "completion", at);
    checker.string(result, "response", at, false);
    String duration = checker.string(result, "duration", at, false);
    if (duration != null && !Durations.isValid(duration)) {
      checker.add(
          at.child("duration"),
          result.get("duration"),
          "must be an ISO 8601 duration such as PT1H30M5.25S or P4W (weeks cannot be combined"
              + " with other units)");
    }
    checker.extensions(result, "extensions", at);
  }

  private static void score(ObjectNode result, JsonPath path, Checker checker) {
    ObjectNode score = checker.object(result, "score", path, false);
    if (score == null) {
      return;
    }
    JsonPath at = path.child("score");
    checker.allowOnly(score, at, SCORE_PROPERTIES);
    JsonNode scaled = checker.number(score, "scaled", at);
    JsonNode raw = checker.number(score, "raw", at);
    JsonNode min = checker.number(score, "min", at);
    JsonNode max = checker.number(score, "max", at);
    if (scaled != null && (scaled.doubleValue() < -1 || scaled.doubleValue() > 1)) {
      checker.add(at.child("scaled"), scaled, "must be between -1 and 1 inclusive");
    }
    if (min != null && max != null && min.doubleValue() >= max.doubleValue()) {
      checker.add(at.child("min"), min, "must be less than max (" + max + ")");
    }
    if (raw != null && min != null && raw.doubleValue() < min.doubleValue()) {
      checker.add(at.child("raw"), raw, "must not be less than min (" + min + ")");
    }
    if (raw != null && max != null && raw.doubleValue() > max.doubleValue()) {
      checker.add(at.child("raw"), raw, "must not be greater than max (" + max + ")");
    }
  }
}
