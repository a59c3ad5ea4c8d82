package org.lrs4j.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.lrs4j.auth.scope.XapiRoute;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.error.LrsException;

/**
 * Registers the document, Agents and Activities resources, CORS and the alternate request syntax on
 * the server. Resources whose repository the {@link Lrs} was built without are left out.
 */
final class ResourceRoutes {

  /** Wraps a handler with version negotiation, authentication and a scope check. */
  @FunctionalInterface
  interface Guard {
    Handler wrap(XapiRoute route, LrsServer.XapiHandler handler);
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
      documents(config, guard, DocumentKind.STATE);
      documents(config, guard, DocumentKind.ACTIVITY_PROFILE);
      documents(config, guard, DocumentKind.AGENT_PROFILE);
    }
    if (lrs.hasAgents()) {
      AgentRoutes agents = new AgentRoutes(lrs.agents());
      readable(config, guard, LrsServer.AGENTS, agents::get);
    }
    if (lrs.hasActivities()) {
      ActivityRoutes activities = new ActivityRoutes(lrs.activities());
      readable(config, guard, LrsServer.ACTIVITIES, activities::get);
    }
  }

  private void documents(JavalinConfig config, Guard guard, DocumentKind kind) {
    String path =
        switch (kind) {
          case STATE -> LrsServer.STATE;
          case ACTIVITY_PROFILE -> LrsServer.ACTIVITY_PROFILE;
          case AGENT_PROFILE -> LrsServer.AGENT_PROFILE;
        };
    DocumentRoutes routes = new DocumentRoutes(kind, lrs.documents(), mapper);
    config.routes.put(path, guard.wrap(route("PUT", path), routes::put));
    config.routes.post(path, guard.wrap(route("POST", path), routes::post));
    config.routes.delete(path, guard.wrap(route("DELETE", path), routes::delete));
    readable(config, guard, path, routes::get);
  }

  private static void readable(JavalinConfig config, Guard guard, String path, Reader reader) {
    config.routes.get(
        path, guard.wrap(route("GET", path), (ctx, call) -> reader.get(ctx, call, true)));
    config.routes.head(
        path, guard.wrap(route("HEAD", path), (ctx, call) -> reader.get(ctx, call, false)));
  }

  /** Returns the entry of the scope table for a method and path, which must have one. */
  private static XapiRoute route(String method, String path) {
    return XapiRoute.of(method, path)
        .orElseThrow(
            () -> new IllegalStateException("the scope table has no route " + method + " " + path));
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
}
