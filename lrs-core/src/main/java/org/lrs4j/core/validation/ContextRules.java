package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Rules for a statement's {@code context}, including {@code contextActivities} and, under xAPI
 * 2.0.0, {@code contextAgents} and {@code contextGroups}.
 */
final class ContextRules {

  private static final Set<String> CONTEXT_PROPERTIES_1_0 =
      Set.of(
          "registration",
          "instructor",
          "team",
          "contextActivities",
          "revision",
          "platform",
          "language",
          "statement",
          "extensions");
  private static final Set<String> CONTEXT_PROPERTIES_2_0 =
      Set.of(
          "registration",
          "instructor",
          "team",
          "contextActivities",
          "revision",
          "platform",
          "language",
          "statement",
          "extensions",
          "contextAgents",
          "contextGroups");
  private static final Set<String> CONTEXT_ACTIVITY_KINDS =
      Set.of("parent", "grouping", "category", "other");
  private static final Set<String> CONTEXT_AGENT_PROPERTIES =
      Set.of("objectType", "agent", "relevantTypes");
  private static final Set<String> CONTEXT_GROUP_PROPERTIES =
      Set.of("objectType", "group", "relevantTypes");

  private ContextRules() {}

  /**
   * Checks the context of a statement or SubStatement.
   *
   * @param objectIsActivity whether the same statement's object is an Activity, which {@code
   *     revision} and {@code platform} require
   */
  static void context(
      ObjectNode statement, JsonPath path, Checker checker, boolean objectIsActivity) {
    ObjectNode context = checker.object(statement, "context", path, false);
    if (context == null) {
      return;
    }
    JsonPath at = path.child("context");
    checker.allowOnly(
        context, at, checker.isV2() ? CONTEXT_PROPERTIES_2_0 : CONTEXT_PROPERTIES_1_0);
    checker.uuid(context, "registration", at, false);
    ActorRules.actor(context, "instructor", at, checker, false);
    ActorRules.requireGroup(context, "team", at, checker, false);
    contextActivities(context, at, checker);
    activityOnly(context, "revision", at, checker, objectIsActivity);
    activityOnly(context, "platform", at, checker, objectIsActivity);
    checker.languageTag(context, "language", at);
    ObjectNode reference = checker.object(context, "statement", at, false);
    if (reference != null) {
      StatementRules.statementRef(reference, at.child("statement"), checker);
    }
    checker.extensions(context, "extensions", at);
    if (checker.isV2()) {
      contextAgents(context, at, checker);
      contextGroups(context, at, checker);
    }
  }

  private static void activityOnly(
      ObjectNode context, String name, JsonPath path, Checker checker, boolean objectIsActivity) {
    String value = checker.string(context, name, path, false);
    if (value != null && !objectIsActivity) {
      checker.add(
          path.child(name),
          context.get(name),
          "may be used only when the statement's object is an Activity");
    }
  }

  private static void contextActivities(ObjectNode context, JsonPath path, Checker checker) {
    ObjectNode activities = checker.object(context, "contextActivities", path, false);
    if (activities == null) {
      return;
    }
    JsonPath at = path.child("contextActivities");
    checker.allowOnly(activities, at, CONTEXT_ACTIVITY_KINDS);
    for (Map.Entry<String, JsonNode> kind : activities.properties()) {
      if (!CONTEXT_ACTIVITY_KINDS.contains(kind.getKey())) {
        continue;
      }
      JsonPath kindPath = at.child(kind.getKey());
      JsonNode value = kind.getValue();
      if (value instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          ActivityRules.activity(array.get(i), kindPath.index(i), checker);
        }
      } else if (value.isObject()) {
        ActivityRules.activity(value, kindPath, checker);
      } else {
        checker.add(
            kindPath,
            value,
            value.isNull()
                ? "must not be null"
                : "must be an Activity object or an array of Activity objects");
      }
    }
  }

  private static void contextAgents(ObjectNode context, JsonPath path, Checker checker) {
    ArrayNode items = checker.array(context, "contextAgents", path, false);
    if (items == null) {
      return;
    }
    JsonPath at = path.child("contextAgents");
    for (int i = 0; i < items.size(); i++) {
      JsonPath itemPath = at.index(i);
      ObjectNode item = checker.asObject(items.get(i), itemPath);
      if (item == null) {
        continue;
      }
      checker.allowOnly(item, itemPath, CONTEXT_AGENT_PROPERTIES);
      exactObjectType(item, itemPath, checker, "contextAgent");
      JsonNode agent = checker.value(item, "agent", itemPath, true);
      if (agent != null) {
        ActorRules.requireAgent(agent, itemPath.child("agent"), checker);
      }
      relevantTypes(item, itemPath, checker);
    }
  }

  private static void contextGroups(ObjectNode context, JsonPath path, Checker checker) {
    ArrayNode items = checker.array(context, "contextGroups", path, false);
    if (items == null) {
      return;
    }
    JsonPath at = path.child("contextGroups");
    for (int i = 0; i < items.size(); i++) {
      JsonPath itemPath = at.index(i);
      ObjectNode item = checker.asObject(items.get(i), itemPath);
      if (item == null) {
        continue;
      }
      checker.allowOnly(item, itemPath, CONTEXT_GROUP_PROPERTIES);
      exactObjectType(item, itemPath, checker, "contextGroup");
      ActorRules.requireGroup(item, "group", itemPath, checker, true);
      relevantTypes(item, itemPath, checker);
    }
  }

  private static void exactObjectType(
      ObjectNode item, JsonPath path, Checker checker, String expected) {
    String type = checker.string(item, "objectType", path, true);
    if (type != null && !type.equals(expected)) {
      checker.add(path.child("objectType"), item.get("objectType"), "must be " + expected);
    }
  }

  private static void relevantTypes(ObjectNode item, JsonPath path, Checker checker) {
    ArrayNode types = checker.array(item, "relevantTypes", path, false);
    if (types == null) {
      return;
    }
    JsonPath at = path.child("relevantTypes");
    if (types.isEmpty()) {
      checker.add(at, types, "must list at least one IRI when present");
    }
    for (int i = 0; i < types.size(); i++) {
      String type = checker.asString(types.get(i), at.index(i));
      if (type != null && !Formats.isIri(type)) {
        checker.add(at.index(i), types.get(i), "must be an absolute IRI with a scheme");
      }
    }
  }
}
