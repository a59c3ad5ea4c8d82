package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lrs4j.core.XapiVersion;

/**
 * Rewrites a valid statement into the form the LRS stores: a single context activity becomes an
 * array of one, in the statement and in a SubStatement.
 */
public final class StatementNormalizer {

  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };

  /** Normalizes the statement in place. */
  public void normalize(ObjectNode statement, XapiVersion version) {
    wrapContextActivities(statement.path("context"));
    JsonNode object = statement.path("object");
    if (object.path("objectType").asText().equals("SubStatement")) {
      wrapContextActivities(object.path("context"));
    }
  }

  private static void wrapContextActivities(JsonNode context) {
    JsonNode contextActivities = context.path("contextActivities");
    if (!(contextActivities instanceof ObjectNode activities)) {
      return;
    }
    for (String kind : CONTEXT_ACTIVITY_KINDS) {
      JsonNode value = activities.get(kind);
      if (value != null && value.isObject()) {
        ArrayNode array = activities.arrayNode();
        array.add(value);
        activities.set(kind, array);
      }
    }
  }
}
