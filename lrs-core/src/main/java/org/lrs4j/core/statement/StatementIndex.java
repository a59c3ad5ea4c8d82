package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.model.Statement;

/**
 * Keys under which a statement is found by the query filters. A repository stores these beside the
 * statement and answers each filter from them.
 *
 * <p>Agents match on their identifier; a Group also matches each of its members. The direct sets
 * answer the plain {@code agent} and {@code activity} filters; the related sets, which include the
 * direct ones, answer {@code related_agents=true} and {@code related_activities=true}.
 *
 * @param agents identifiers of the actor and of an Agent or Group object
 * @param relatedAgents those plus authority, instructor, team, 2.0.0 context agents and groups, and
 *     the same properties of a SubStatement
 * @param activities id of the object when it is an Activity
 * @param relatedActivities that plus every context activity, and the same for a SubStatement
 * @param verb the verb id
 * @param registration {@code context.registration}, or null
 * @param statementRef id the object refers to when it is a StatementRef, or null
 */
public record StatementIndex(
    Set<String> agents,
    Set<String> relatedAgents,
    Set<String> activities,
    Set<String> relatedActivities,
    String verb,
    UUID registration,
    UUID statementRef) {

  private static final String[] CONTEXT_ACTIVITY_KINDS = {
    "parent", "grouping", "category", "other"
  };

  public StatementIndex {
    agents = Set.copyOf(agents);
    relatedAgents = Set.copyOf(relatedAgents);
    activities = Set.copyOf(activities);
    relatedActivities = Set.copyOf(relatedActivities);
  }

  /** Builds the index of one statement from its own properties. */
  public static StatementIndex of(Statement statement) {
    JsonNode json = statement.json();
    Set<String> agents = new LinkedHashSet<>();
    Set<String> related = new LinkedHashSet<>();
    Set<String> activities = new LinkedHashSet<>();
    Set<String> relatedActivities = new LinkedHashSet<>();

    addActor(json.path("actor"), agents);
    JsonNode object = json.path("object");
    String objectType = Statement.objectTypeOf(object, "Activity");
    if (objectType.equals("Agent") || objectType.equals("Group")) {
      addActor(object, agents);
    } else if (objectType.equals("Activity")) {
      addText(object.get("id"), activities);
    }
    related.addAll(agents);
    relatedActivities.addAll(activities);

    addActor(json.path("authority"), related);
    addContext(json.path("context"), related, relatedActivities);
    if (objectType.equals("SubStatement")) {
      addSubStatement(object, related, relatedActivities);
    }

    return new StatementIndex(
        agents,
        related,
        activities,
        relatedActivities,
        statement.verbId(),
        statement.registration().orElse(null),
        statement.statementRefTarget().orElse(null));
  }

  /** Returns the registration, when the statement has one. */
  public Optional<UUID> registrationIfPresent() {
    return Optional.ofNullable(registration);
  }

  private static void addSubStatement(JsonNode sub, Set<String> agents, Set<String> activities) {
    addActor(sub.path("actor"), agents);
    JsonNode object = sub.path("object");
    String objectType = Statement.objectTypeOf(object, "Activity");
    if (objectType.equals("Agent") || objectType.equals("Group")) {
      addActor(object, agents);
    } else if (objectType.equals("Activity")) {
      addText(object.get("id"), activities);
    }
    addContext(sub.path("context"), agents, activities);
  }

  private static void addContext(JsonNode context, Set<String> agents, Set<String> activities) {
    if (!context.isObject()) {
      return;
    }
    addActor(context.path("instructor"), agents);
    addActor(context.path("team"), agents);
    for (JsonNode contextAgent : context.path("contextAgents")) {
      addActor(contextAgent.path("agent"), agents);
    }
    for (JsonNode contextGroup : context.path("contextGroups")) {
      addActor(contextGroup.path("group"), agents);
    }
    JsonNode contextActivities = context.path("contextActivities");
    for (String kind : CONTEXT_ACTIVITY_KINDS) {
      JsonNode value = contextActivities.path(kind);
      if (value.isArray()) {
        value.forEach(activity -> addText(activity.get("id"), activities));
      } else if (value.isObject()) {
        addText(value.get("id"), activities);
      }
    }
  }

  private static void addActor(JsonNode actor, Set<String> keys) {
    if (!actor.isObject()) {
      return;
    }
    AgentKey.of(actor).ifPresent(key -> keys.add(key.asString()));
    for (JsonNode member : actor.path("member")) {
      AgentKey.of(member).ifPresent(key -> keys.add(key.asString()));
    }
  }

  private static void addText(JsonNode node, Set<String> values) {
    if (node != null && node.isTextual()) {
      values.add(node.textValue());
    }
  }
}
