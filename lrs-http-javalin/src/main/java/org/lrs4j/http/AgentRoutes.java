package org.lrs4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Set;
import org.lrs4j.core.agent.AgentParameter;
import org.lrs4j.core.agent.AgentService;

/** Handler of the Agents resource: the Person object of an agent, on GET and HEAD. */
final class AgentRoutes {

  private static final String AGENT = "agent";

  private final AgentService agents;

  AgentRoutes(AgentService agents) {
    this.agents = agents;
  }

  /** Returns the Person object; with {@code withBody} false, the headers only. */
  void get(Context ctx, XapiCall call, boolean withBody) {
    QueryParameters parameters = QueryParameters.read(ctx, Set.of(AGENT));
    AgentParameter agent = AgentParameter.parse(AGENT, parameters.required(AGENT), call.version());

    JsonNode person = agents.person(agent.json());

    // The Person object is derived from statements, which are all visible through this time.
    EntityHeaders.json(ctx, person.toString(), call.consistentThrough(), withBody);
  }
}
