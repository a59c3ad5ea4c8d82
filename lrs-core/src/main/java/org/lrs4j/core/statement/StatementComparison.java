package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.validation.Durations;
import org.lrs4j.core.validation.Timestamps;

/**
 * The rule for "same id, same statement". Two statements are the same when they are equal after
 * ignoring every difference that the xAPI exceptions to statement immutability allow:
 *
 * <ul>
 *   <li>the properties the LRS sets: {@code id} (already matched, in any case), {@code stored},
 *       {@code authority}, {@code version}, and {@code timestamp} when the incoming statement has
 *       none;
 *   <li>the serialization of timestamps, which are compared as instants;
 *   <li>Activity Definitions, a Verb's {@code display}, and {@code attachments};
 *   <li>the order of properties (and so of language map entries) and of Group members;
 *   <li>the case of UUIDs, of {@code mbox_sha1sum} and of an {@code mbox} domain;
 *   <li>a single context activity against an array of one, and {@code 1} against {@code 1.0};
 *   <li>under xAPI 2.0.0, duration digits past 0.01 s. Under 1.0.3 a duration is compared as a
 *       string.
 * </ul>
 *
 * <p>Thread safe.
 */
public final class StatementComparison implements StatementEquivalence {

  private static final String[] LRS_PROPERTIES = {"id", "stored", "authority", "version"};
  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };

  private final XapiVersion version;

  /** Creates the comparison for requests of the given version. */
  public StatementComparison(XapiVersion version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public boolean same(JsonNode stored, JsonNode incoming) {
    boolean ignoreTimestamp = !incoming.has("timestamp");
    return canonical(stored, ignoreTimestamp).equals(canonical(incoming, ignoreTimestamp));
  }

  private JsonNode canonical(JsonNode statement, boolean ignoreTimestamp) {
    ObjectNode copy = ((ObjectNode) statement).deepCopy();
    for (String property : LRS_PROPERTIES) {
      copy.remove(property);
    }
    if (ignoreTimestamp) {
      copy.remove("timestamp");
    }
    canonicalParts(copy);
    if (copy.get("object") instanceof ObjectNode object
        && "SubStatement".equals(object.path("objectType").textValue())) {
      canonicalParts(object);
    }
    return canonicalNumbers(copy);
  }

  /** Rewrites the parts a statement and a SubStatement share. */
  private void canonicalParts(ObjectNode statement) {
    statement.remove("attachments");
    if (statement.get("timestamp") instanceof TextNode timestamp) {
      Timestamps.toInstant(timestamp.textValue())
          .ifPresent(instant -> statement.put("timestamp", instant.toString()));
    }
    if (statement.get("verb") instanceof ObjectNode verb) {
      verb.remove("display");
    }
    if (statement.get("actor") instanceof ObjectNode actor) {
      canonicalActor(actor);
    }
    if (statement.get("object") instanceof ObjectNode object) {
      canonicalObject(object);
    }
    if (statement.get("result") instanceof ObjectNode result) {
      canonicalDuration(result);
    }
    if (statement.get("context") instanceof ObjectNode context) {
      canonicalContext(context);
    }
  }

  private static void canonicalObject(ObjectNode object) {
    String type = object.path("objectType").asText("Activity");
    switch (type) {
      case "Activity" -> object.remove("definition");
      case "Agent", "Group" -> canonicalActor(object);
      case "StatementRef" -> lowerCase(object, "id");
      default -> {}
    }
  }

  private void canonicalDuration(ObjectNode result) {
    if (version.isV2() && result.get("duration") instanceof TextNode duration) {
      result.put("duration", Durations.toHundredths(duration.textValue()));
    }
  }

  private static void canonicalContext(ObjectNode context) {
    lowerCase(context, "registration");
    if (context.get("instructor") instanceof ObjectNode instructor) {
      canonicalActor(instructor);
    }
    if (context.get("team") instanceof ObjectNode team) {
      canonicalActor(team);
    }
    if (context.get("statement") instanceof ObjectNode reference) {
      lowerCase(reference, "id");
    }
    if (context.get("contextActivities") instanceof ObjectNode activities) {
      canonicalContextActivities(activities);
    }
    forEachObject(context.get("contextAgents"), item -> canonicalChildActor(item, "agent"));
    forEachObject(context.get("contextGroups"), item -> canonicalChildActor(item, "group"));
  }

  private static void canonicalContextActivities(ObjectNode activities) {
    for (String kind : CONTEXT_ACTIVITY_KINDS) {
      JsonNode value = activities.get(kind);
      if (value instanceof ObjectNode single) {
        activities.set(kind, activities.arrayNode().add(single));
      }
      forEachObject(activities.get(kind), activity -> activity.remove("definition"));
    }
  }

  private static void canonicalChildActor(ObjectNode item, String name) {
    if (item.get(name) instanceof ObjectNode actor) {
      canonicalActor(actor);
    }
  }

  /** Lowercases case-insensitive identifier parts and sorts the members of a Group. */
  private static void canonicalActor(ObjectNode actor) {
    if (actor.get("mbox") instanceof TextNode mbox) {
      String text = mbox.textValue();
      int at = text.lastIndexOf('@');
      actor.put(
          "mbox", text.substring(0, at + 1) + text.substring(at + 1).toLowerCase(Locale.ROOT));
    }
    lowerCase(actor, "mbox_sha1sum");
    if (actor.get("member") instanceof ArrayNode members) {
      List<JsonNode> sorted = new ArrayList<>();
      for (JsonNode member : members) {
        if (member instanceof ObjectNode agent) {
          canonicalActor(agent);
        }
        sorted.add(member);
      }
      sorted.sort(Comparator.comparing(JsonNode::toString));
      members.removeAll();
      members.addAll(sorted);
    }
  }

  private static void lowerCase(ObjectNode node, String name) {
    if (node.get(name) instanceof TextNode value) {
      node.put(name, value.textValue().toLowerCase(Locale.ROOT));
    }
  }

  private static void forEachObject(JsonNode array, Consumer<ObjectNode> action) {
    if (array instanceof ArrayNode items) {
      for (JsonNode item : items) {
        if (item instanceof ObjectNode object) {
          action.accept(object);
        }
      }
    }
  }

  /** Replaces every number by its decimal value without trailing zeros, so 1 equals 1.0. */
  private static JsonNode canonicalNumbers(JsonNode node) {
    if (node.isNumber()) {
      return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        property.setValue(canonicalNumbers(property.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, canonicalNumbers(array.get(i)));
      }
    }
    return node;
  }
}
