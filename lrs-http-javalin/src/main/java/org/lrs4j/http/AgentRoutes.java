package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import org.lrs4j.core.agent.AgentService;
import org.lrs4j.core.statement.StatementQuery;

/** Handler of the Agents resource: the Person object of an agent, on GET and HEAD. */
final class AgentRoutes {

  private static final String AGENT = "agent";

  private final AgentService agents;
  private final ObjectMapper mapper;

  AgentRoutes(AgentService agents, ObjectMapper mapper) {
    this.agents = agents;
    this.mapper = mapper;
  }

  /** Returns the Person object; with {@code withBody} false, the headers only. */
  void get(Context ctx, XapiCall call, boolean withBody) {
    QueryParameters parameters = QueryParameters.read(ctx, Set.of(AGENT));
    String value = parameters.required(AGENT);
    StatementQuery.parseAgent(AGENT, value);

    JsonNode person = agents.person(parse(value));

    // The Person object is derived from statements, which are all visible through this time.
    EntityHeaders.json(ctx, person.toString(), call.consistentThrough(), withBody);
  }

  private JsonNode parse(String agent) {
    try {
      return mapper.readTree(agent);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an agent that parsed once failed to parse again", e);
    }
  }
}
