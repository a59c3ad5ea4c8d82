package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a stored statement in the {@code ids} or {@code canonical} format. The {@code exact}
 * format needs no rendering: it is the stored text.
 */
public final class StatementFormatter {

  private static final String[] ACTOR_IDENTIFIERS = {"mbox", "mbox_sha1sum", "openid", "account"};
  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };
  private static final String[] INTERACTION_COMPONENTS = {
    "choices", "scale", "source", "target", "steps"
  };

  /**
   * Rewrites the statement in place for the format.
   *
   * @param languages language ranges from {@code Accept-Language}, best first; used by {@code
   *     canonical} only
   */
  public void format(
      ObjectNode statement, StatementFormat format, List<Locale.LanguageRange> languages) {
    switch (format) {
      case EXACT -> {}
      case IDS -> reduceToIds(statement);
      case CANONICAL -> reduceLanguageMaps(statement, languages);
    }
  }

  private static void reduceToIds(ObjectNode statement) {
    replaceActor(statement, "actor");
    replaceActor(statement, "authority");
    if (statement.get("verb") instanceof ObjectNode verb) {
      verb.retain("id");
    }
    reduceObjectToIds(statement);
    if (statement.get("context") instanceof ObjectNode context) {
      replaceActor(context, "instructor");
      replaceActor(context, "team");
      if (context.get("contextActivities") instanceof ObjectNode activities) {
        for (String kind : CONTEXT_ACTIVITY_KINDS) {
          activities.path(kind).forEach(StatementFormatter::reduceActivity);
        }
      }
    }
  }

  private static void reduceObjectToIds(ObjectNode statement) {
    JsonNode object = statement.get("object");
    if (!(object instanceof ObjectNode objectNode)) {
      return;
    }
    String type = objectNode.path("objectType").asText("Activity");
    switch (type) {
      case "Agent", "Group" -> replaceActor(statement, "object");
      case "Activity" -> reduceActivity(objectNode);
      case "SubStatement" -> reduceToIds(objectNode);
      default -> {}
    }
  }

  private static void reduceActivity(JsonNode activity) {
    if (activity instanceof ObjectNode node) {
      node.retain("objectType", "id");
    }
  }

  private static void replaceActor(ObjectNode parent, String property) {
    if (!(parent.get(property) instanceof ObjectNode actor)) {
      return;
    }
    boolean identified = false;
    for (String identifier : ACTOR_IDENTIFIERS) {
      identified |= actor.has(identifier);
    }
    if (identified) {
      actor.retain("objectType", "mbox", "mbox_sha1sum", "openid", "account");
      return;
    }
    actor.retain("objectType", "member");
    for (JsonNode member : actor.path("member")) {
      if (member instanceof ObjectNode memberNode) {
        memberNode.retain("objectType", "mbox", "mbox_sha1sum", "openid", "account");
      }
    }
  }

  private static void reduceLanguageMaps(
      ObjectNode statement, List<Locale.LanguageRange> languages) {
    if (statement.get("verb") instanceof ObjectNode verb) {
      pickLanguage(verb, "display", languages);
    }
    forEachActivity(statement, activity -> reduceDefinition(activity, languages));
  }

  private static void reduceDefinition(ObjectNode activity, List<Locale.LanguageRange> languages) {
    if (!(activity.get("definition") instanceof ObjectNode definition)) {
      return;
    }
    pickLanguage(definition, "name", languages);
    pickLanguage(definition, "description", languages);
    for (String component : INTERACTION_COMPONENTS) {
      for (JsonNode item : definition.path(component)) {
        if (item instanceof ObjectNode itemNode) {
          pickLanguage(itemNode, "description", languages);
        }
      }
    }
  }

  private static void forEachActivity(
      ObjectNode statement, java.util.function.Consumer<ObjectNode> action) {
    JsonNode object = statement.get("object");
    if (object instanceof ObjectNode objectNode) {
      String type = objectNode.path("objectType").asText("Activity");
      if (type.equals("Activity")) {
        action.accept(objectNode);
      } else if (type.equals("SubStatement")) {
        if (objectNode.get("verb") instanceof ObjectNode verb) {
          action.accept(verb);
        }
        forEachActivity(objectNode, action);
      }
    }
    JsonNode activities = statement.path("context").path("contextActivities");
    for (String kind : CONTEXT_ACTIVITY_KINDS) {
      for (JsonNode activity : activities.path(kind)) {
        if (activity instanceof ObjectNode activityNode) {
          action.accept(activityNode);
        }
      }
    }
  }

  /** Keeps the one entry of a language map that best fits the ranges, per RFC 4647 lookup. */
  static void pickLanguage(ObjectNode parent, String property, List<Locale.LanguageRange> ranges) {
    if (!(parent.get(property) instanceof ObjectNode map) || map.size() <= 1) {
      return;
    }
    String chosen = chooseTag(map, ranges);
    ObjectNode reduced = map.objectNode();
    reduced.set(chosen, map.get(chosen));
    parent.set(property, reduced);
  }

  private static String chooseTag(ObjectNode map, List<Locale.LanguageRange> ranges) {
    List<String> tags = new java.util.ArrayList<>();
    map.fieldNames().forEachRemaining(tags::add);
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() == 0) {
        continue;
      }
      String wanted = range.getRange();
      for (String tag : tags) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (wanted.equals("*") || lower.equals(wanted) || lower.startsWith(wanted + "-")) {
          return tag;
        }
      }
    }
    for (String fallback : new String[] {"und", "en-us", "en"}) {
      for (String tag : tags) {
        if (tag.toLowerCase(Locale.ROOT).equals(fallback)) {
          return tag;
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> first = map.fields();
    return first.next().getKey();
  }
}
