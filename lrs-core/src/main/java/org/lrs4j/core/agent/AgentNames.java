package org.lrs4j.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.model.Statement;

/** Collects the names that a statement gives its identified Agents and Groups. */
public final class AgentNames {

  /**
   * One name given to an identified Agent or Group.
   *
   * @param key the identifier
   * @param name the {@code name} property sent with it
   */
  public record NamedAgent(AgentKey key, String name) {

    public NamedAgent {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(name, "name");
    }
  }

  private AgentNames() {}

  /**
   * Returns each distinct identifier and name pair of the statement's actor, object, authority,
   * instructor, team, Group members and 2.0.0 context agents and groups, and those of a
   * SubStatement, in order of appearance. Agents without a name or without exactly one identifier
   * are left out.
   */
  public static List<NamedAgent> collect(Statement statement) {
    Set<NamedAgent> named = new LinkedHashSet<>();
    JsonNode json = statement.json();
    addStatementParts(json, named);
    addActor(json.path("authority"), named);

    JsonNode object = json.path("object");
    if (Statement.objectTypeOf(object, "Activity").equals("SubStatement")) {
      addStatementParts(object, named);
    }
    return new ArrayList<>(named);
  }

  private static void addStatementParts(JsonNode statement, Set<NamedAgent> named) {
    addActor(statement.path("actor"), named);
    JsonNode object = statement.path("object");
    String objectType = Statement.objectTypeOf(object, "Activity");
    if (objectType.equals("Agent") || objectType.equals("Group")) {
      addActor(object, named);
    }

    JsonNode context = statement.path("context");
    addActor(context.path("instructor"), named);
    addActor(context.path("team"), named);
    for (JsonNode contextAgent : context.path("contextAgents")) {
      addActor(contextAgent.path("agent"), named);
    }
    for (JsonNode contextGroup : context.path("contextGroups")) {
      addActor(contextGroup.path("group"), named);
    }
  }

  private static void addActor(JsonNode actor, Set<NamedAgent> named) {
    if (!actor.isObject()) {
      return;
    }
    addNamed(actor, named);
    for (JsonNode member : actor.path("member")) {
      addNamed(member, named);
    }
  }

  private static void addNamed(JsonNode agent, Set<NamedAgent> named) {
    JsonNode name = agent.get("name");
    if (name == null || !name.isTextual()) {
      return;
    }
    AgentKey.of(agent).ifPresent(key -> named.add(new NamedAgent(key, name.textValue())));
  }
}
