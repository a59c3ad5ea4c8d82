package org.lrs4j.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.error.LrsException;

/**
 * Registers the document, Agents and Activities resources, CORS and the alternate request syntax on
 * the server. Resources whose repository the {@link Lrs} was built without are left out.
 */
final class ResourceRoutes {

  private static final Scope[] STATE_WRITE = {Scope.STATE, Scope.ALL};
  private static final Scope[] STATE_READ = {Scope.STATE, Scope.ALL_READ, Scope.ALL};
  private static final Scope[] PROFILE_WRITE = {Scope.PROFILE, Scope.ALL};
  private static final Scope[] PROFILE_READ = {Scope.PROFILE, Scope.ALL_READ, Scope.ALL};
  private static final Scope[] DEFINITION_READ = {
    Scope.ALL_READ, Scope.ALL, Scope.PROFILE, Scope.DEFINE
  };

  /** Wraps a handler with version negotiation, authentication and a scope check. */
  @FunctionalInterface
  interface Guard {
    Handler wrap(Scope[] scopes, LrsServer.XapiHandler handler);
  }

  private final Lrs lrs;
  private final ObjectMapper mapper;
  private final HttpSettings settings;

  ResourceRoutes(Lrs lrs, ObjectMapper mapper, HttpSettings settings) {
    this.lrs = lrs;
    this.mapper = mapper;
    this.settings = settings;
  }

  /** Adds the filters, before-handlers and routes to the configuration. */
  void register(JavalinConfig config, Guard guard) {
    AlternateRequestFilter alternate = new AlternateRequestFilter(settings.maxBodyBytes());
    config.jetty.modifyServletContextHandler(
        handler ->
            handler.addFilter(
                new FilterHolder(alternate), "/*", EnumSet.of(DispatcherType.REQUEST)));
    Cors cors = new Cors(settings.corsOrigins());
    config.routes.before(cors::mark);
    config.routes.before(ResourceRoutes::raiseAlternateRejection);
    config.routes.options("/xapi/*", cors::preflight);
    config.routes.options("/xapi", cors::preflight);

    if (lrs.hasDocuments()) {
      documents(config, guard, LrsServer.STATE, DocumentKind.STATE, STATE_WRITE, STATE_READ);
      documents(
          config,
          guard,
          LrsServer.ACTIVITY_PROFILE,
          DocumentKind.ACTIVITY_PROFILE,
          PROFILE_WRITE,
          PROFILE_READ);
      documents(
          config,
          guard,
          LrsServer.AGENT_PROFILE,
          DocumentKind.AGENT_PROFILE,
          PROFILE_WRITE,
          PROFILE_READ);
    }
    if (lrs.hasAgents()) {
      AgentRoutes agents = new AgentRoutes(lrs.agents());
      config.routes.get(LrsServer.AGENTS, guard.wrap(DEFINITION_READ, reader(agents::get, true)));
      config.routes.head(LrsServer.AGENTS, guard.wrap(DEFINITION_READ, reader(agents::get, false)));
    }
    if (lrs.hasActivities()) {
      ActivityRoutes activities = new ActivityRoutes(lrs.activities());
      config.routes.get(
          LrsServer.ACTIVITIES, guard.wrap(DEFINITION_READ, reader(activities::get, true)));
      config.routes.head(
          LrsServer.ACTIVITIES, guard.wrap(DEFINITION_READ, reader(activities::get, false)));
    }
  }

  private void documents(
      JavalinConfig config,
      Guard guard,
      String path,
      DocumentKind kind,
      Scope[] write,
      Scope[] read) {
    DocumentRoutes routes = new DocumentRoutes(kind, lrs.documents(), mapper);
    config.routes.put(path, guard.wrap(write, routes::put));
    config.routes.post(path, guard.wrap(write, routes::post));
    config.routes.delete(path, guard.wrap(write, routes::delete));
    config.routes.get(path, guard.wrap(read, reader(routes::get, true)));
    config.routes.head(path, guard.wrap(read, reader(routes::get, false)));
  }

  private static void raiseAlternateRejection(Context ctx) {
    LrsException rejection = ctx.attribute(AlternateRequestFilter.REJECTION);
    if (rejection != null) {
      throw rejection;
    }
  }

  /** A GET handler that also serves HEAD when {@code withBody} is false. */
  @FunctionalInterface
  private interface Reader {
    void get(Context ctx, XapiCall call, boolean withBody) throws Exception;
  }

  private static LrsServer.XapiHandler reader(Reader reader, boolean withBody) {
    return (ctx, call) -> reader.get(ctx, call, withBody);
  }
}
