package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.validation.Timestamps;

/**
 * Rewrites a valid statement into the form the LRS stores, in the statement and in a SubStatement:
 * a single context activity becomes an array of one, and under xAPI 2.0.0 each {@code timestamp} is
 * rewritten in UTC as the same instant. Everything else stays as sent. Thread safe.
 */
public final class StatementNormalizer {

  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };

  /** Normalizes the statement in place. */
  public void normalize(ObjectNode statement, XapiVersion version) {
    normalizeParts(statement, version);
    JsonNode object = statement.path("object");
    if (object instanceof ObjectNode subStatement
        && "SubStatement".equals(object.path("objectType").textValue())) {
      normalizeParts(subStatement, version);
    }
  }

  private static void normalizeParts(ObjectNode statement, XapiVersion version) {
    wrapContextActivities(statement.path("context"));
    if (version.isV2()) {
      timestampToUtc(statement);
    }
  }

  private static void timestampToUtc(ObjectNode statement) {
    JsonNode timestamp = statement.get("timestamp");
    if (timestamp != null && timestamp.isTextual()) {
      String utc = Timestamps.toUtc(timestamp.textValue());
      if (!utc.equals(timestamp.textValue())) {
        statement.put("timestamp", utc);
      }
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
