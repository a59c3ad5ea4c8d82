package org.lrs4j.core.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.lrs4j.core.model.Statement;

/**
 * Rules that build an activity's definition from the statements that mention it. A repository
 * applies them while it stores statements, so the Activities resource returns the merged result.
 */
public final class ActivityDefinitions {

  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };
  private static final String[] MERGED_MAPS = {"name", "description", "extensions"};

  private ActivityDefinitions() {}

  /**
   * Returns every activity a statement mentions (its object, its context activities and those of a
   * SubStatement), keyed by id in order of appearance. The value is the definition, merged when the
   * statement mentions the activity more than once, or an empty object when it has none.
   */
  public static Map<String, ObjectNode> collect(Statement statement) {
    Map<String, ObjectNode> definitions = new LinkedHashMap<>();
    JsonNode json = statement.json();
    addObject(json.path("object"), definitions);
    addContext(json.path("context"), definitions);

    JsonNode object = json.path("object");
    if (Statement.objectTypeOf(object, "Activity").equals("SubStatement")) {
      addObject(object.path("object"), definitions);
      addContext(object.path("context"), definitions);
    }
    return definitions;
  }

  /**
   * Returns a new definition: the stored one with each property of the incoming one applied. The
   * language maps {@code name} and {@code description} and the {@code extensions} map are merged
   * key by key, so a statement in one language keeps the names stored in others. Every other
   * property, such as {@code type} or the interaction components, is replaced whole.
   */
  public static ObjectNode merge(ObjectNode stored, ObjectNode incoming) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(incoming, "incoming");
    ObjectNode merged = stored.deepCopy();
    for (Map.Entry<String, JsonNode> property : incoming.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      if (isMergedMap(name)
          && merged.get(name) instanceof ObjectNode storedMap
          && value instanceof ObjectNode incomingMap) {
        storedMap.setAll(incomingMap.deepCopy());
      } else {
        merged.set(name, value.deepCopy());
      }
    }
    return merged;
  }

  private static boolean isMergedMap(String property) {
    for (String name : MERGED_MAPS) {
      if (name.equals(property)) {
        return true;
      }
    }
    return false;
  }

  private static void addContext(JsonNode context, Map<String, ObjectNode> definitions) {
    JsonNode contextActivities = context.path("contextActivities");
    for (String kind : CONTEXT_ACTIVITY_KINDS) {
      JsonNode value = contextActivities.path(kind);
      if (value.isArray()) {
        value.forEach(activity -> addActivity(activity, definitions));
      } else if (value.isObject()) {
        addActivity(value, definitions);
      }
    }
  }

  private static void addObject(JsonNode object, Map<String, ObjectNode> definitions) {
    if (object.isObject() && Statement.objectTypeOf(object, "Activity").equals("Activity")) {
      addActivity(object, definitions);
    }
  }

  private static void addActivity(JsonNode activity, Map<String, ObjectNode> definitions) {
    JsonNode id = activity.get("id");
    if (id == null || !id.isTextual()) {
      return;
    }
    ObjectNode definition =
        activity.get("definition") instanceof ObjectNode given
            ? given
            : JsonNodeFactory.instance.objectNode();
    definitions.merge(id.textValue(), definition, ActivityDefinitions::merge);
  }
}
