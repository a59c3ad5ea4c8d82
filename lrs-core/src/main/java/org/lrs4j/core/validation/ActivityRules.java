package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Rules for Activities and Activity Definitions. {@link InteractionRules} checks interactions. */
final class ActivityRules {

  private static final Set<String> ACTIVITY_PROPERTIES = Set.of("objectType", "id", "definition");
  private static final Set<String> DEFINITION_PROPERTIES =
      Set.of(
          "name",
          "description",
          "type",
          "moreInfo",
          "extensions",
          "interactionType",
          "correctResponsesPattern",
          "choices",
          "scale",
          "source",
          "target",
          "steps");

  private ActivityRules() {}

  /** Checks a node that must be an Activity, with an optional {@code "objectType": "Activity"}. */
  static void activity(JsonNode node, JsonPath path, Checker checker) {
    ObjectNode activity = checker.asObject(node, path);
    if (activity == null) {
      return;
    }
    checker.allowOnly(activity, path, ACTIVITY_PROPERTIES);
    String type = checker.string(activity, "objectType", path, false);
    if (type != null && !type.equals("Activity")) {
      checker.add(path.child("objectType"), activity.get("objectType"), "must be Activity");
    }
    checker.iri(activity, "id", path, true);
    ObjectNode definition = checker.object(activity, "definition", path, false);
    if (definition != null) {
      definition(definition, path.child("definition"), checker);
    }
  }

  private static void definition(ObjectNode definition, JsonPath path, Checker checker) {
    checker.allowOnly(definition, path, DEFINITION_PROPERTIES);
    checker.languageMap(definition, "name", path, false);
    checker.languageMap(definition, "description", path, false);
    checker.iri(definition, "type", path, false);
    checker.irl(definition, "moreInfo", path, false);
    checker.extensions(definition, "extensions", path);
    InteractionRules.interaction(definition, path, checker);
  }
}
