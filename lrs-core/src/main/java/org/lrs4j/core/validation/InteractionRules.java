package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules for interaction Activities: the {@code interactionType}, the component lists each type
 * allows, distinct component ids, and the format of each {@code correctResponsesPattern} string.
 * Response patterns are not limited in length or count.
 */
final class InteractionRules {

  private static final List<String> COMPONENT_LISTS =
      List.of("choices", "scale", "source", "target", "steps");
  private static final Set<String> COMPONENT_PROPERTIES = Set.of("id", "description");
  private static final Map<String, Set<String>> LISTS_BY_TYPE =
      Map.of(
          "true-false", Set.of(),
          "choice", Set.of("choices"),
          "fill-in", Set.of(),
          "long-fill-in", Set.of(),
          "matching", Set.of("source", "target"),
          "performance", Set.of("steps"),
          "sequencing", Set.of("choices"),
          "likert", Set.of("scale"),
          "numeric", Set.of(),
          "other", Set.of());
  private static final String TYPES =
      "true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert,"
          + " numeric or other";

  private InteractionRules() {}

  /** Checks the interaction properties of an Activity Definition, when it has any. */
  static void interaction(ObjectNode definition, JsonPath path, Checker checker) {
    String type = checker.string(definition, "interactionType", path, false);
    if (type == null) {
      if (!definition.has("interactionType") && hasInteractionProperties(definition)) {
        checker.add(
            path.child("interactionType"),
            null,
            "is required when correctResponsesPattern or an interaction component list is present");
      }
      return;
    }
    Set<String> allowedLists = LISTS_BY_TYPE.get(type);
    if (allowedLists == null) {
      checker.add(
          path.child("interactionType"),
          definition.get("interactionType"),
          "must be one of " + TYPES + " (case sensitive)");
      return;
    }
    Map<String, Set<String>> ids = componentLists(definition, path, checker, type, allowedLists);
    correctResponses(definition, path, checker, type, ids);
  }

  private static boolean hasInteractionProperties(ObjectNode definition) {
    if (definition.has("correctResponsesPattern")) {
      return true;
    }
    for (String list : COMPONENT_LISTS) {
      if (definition.has(list)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Set<String>> componentLists(
      ObjectNode definition,
      JsonPath path,
      Checker checker,
      String type,
      Set<String> allowedLists) {
    Map<String, Set<String>> ids = new HashMap<>(4);
    for (String list : COMPONENT_LISTS) {
      if (!definition.has(list)) {
        continue;
      }
      if (!allowedLists.contains(list)) {
        checker.add(
            path.child(list),
            definition.get(list),
            "is not allowed for interactionType " + type + allowedListsText(allowedLists));
        continue;
      }
      ids.put(list, components(definition, list, path, checker));
    }
    return ids;
  }

  private static String allowedListsText(Set<String> allowedLists) {
    return allowedLists.isEmpty()
        ? ", which has no component lists"
        : ", which allows only " + String.join(" and ", allowedLists);
  }

  private static Set<String> components(
      ObjectNode definition, String list, JsonPath path, Checker checker) {
    ArrayNode components = checker.array(definition, list, path, false);
    Set<String> ids = new HashSet<>();
    if (components == null) {
      return ids;
    }
    JsonPath listPath = path.child(list);
    for (int i = 0; i < components.size(); i++) {
      JsonPath at = listPath.index(i);
      ObjectNode component = checker.asObject(components.get(i), at);
      if (component == null) {
        continue;
      }
      checker.allowOnly(component, at, COMPONENT_PROPERTIES);
      String id = checker.string(component, "id", at, true);
      if (id != null && !ids.add(id)) {
        checker.add(at.child("id"), component.get("id"), "must be unique within " + list);
      }
      checker.languageMap(component, "description", at, false);
    }
    return ids;
  }

  private static void correctResponses(
      ObjectNode definition,
      JsonPath path,
      Checker checker,
      String type,
      Map<String, Set<String>> ids) {
    ArrayNode patterns = checker.array(definition, "correctResponsesPattern", path, false);
    if (patterns == null) {
      return;
    }
    JsonPath patternsPath = path.child("correctResponsesPattern");
    for (int i = 0; i < patterns.size(); i++) {
      JsonNode pattern = patterns.get(i);
      String text = checker.asString(pattern, patternsPath.index(i));
      if (text == null) {
        continue;
      }
      String rule = ResponsePatterns.violation(type, text, ids);
      if (rule != null) {
        checker.add(patternsPath.index(i), pattern, rule);
      }
    }
  }

  /** Splits a response pattern on a literal delimiter such as {@code [,]}. */
  static List<String> split(String text, String delimiter) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    int next;
    while ((next = text.indexOf(delimiter, start)) >= 0) {
      parts.add(text.substring(start, next));
      start = next + delimiter.length();
    }
    parts.add(text.substring(start));
    return parts;
  }
}
