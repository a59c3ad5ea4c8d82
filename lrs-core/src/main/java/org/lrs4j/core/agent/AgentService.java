package org.lrs4j.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.port.AgentRepository;

/** Use case of the Agents resource: the Person object of an agent. Thread safe. */
public final class AgentService {

  private final AgentRepository repository;

  public AgentService(AgentRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Returns the Person object of an agent: {@code objectType} {@code Person}, every name stored
   * with the agent's identifier (the request's own name first, when it has one), and the
   * identifier, each as an array.
   *
   * @param agent the {@code agent} parameter, an Agent with exactly one identifier
   * @throws InvalidRequestException when the agent does not have exactly one identifier
   */
  public ObjectNode person(JsonNode agent) {
    AgentKey key =
        AgentKey.of(agent)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "agent: must have exactly one of mbox, mbox_sha1sum, openid or account"));

    Set<String> names = new LinkedHashSet<>();
    JsonNode requestName = agent.get("name");
    if (requestName != null && requestName.isTextual()) {
      names.add(requestName.textValue());
    }
    names.addAll(repository.namesOf(key));

    ObjectNode person = JsonNodeFactory.instance.objectNode();
    person.put("objectType", "Person");
    if (!names.isEmpty()) {
      ArrayNode nameArray = person.putArray("name");
      names.forEach(nameArray::add);
    }
    person.putArray(key.type()).add(identifierValue(key));
    return person;
  }

  private static JsonNode identifierValue(AgentKey key) {
    if (!key.type().equals("account")) {
      return JsonNodeFactory.instance.textNode(key.value());
    }
    // An account key joins the home page and the name with a space, and a home page IRL has none.
    int space = key.value().indexOf(' ');
    ObjectNode account = JsonNodeFactory.instance.objectNode();
    account.put("homePage", key.value().substring(0, space));
    account.put("name", key.value().substring(space + 1));
    return account;
  }
}
