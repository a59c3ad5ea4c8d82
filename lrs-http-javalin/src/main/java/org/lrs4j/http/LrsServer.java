package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.auth.Authenticator;
import org.lrs4j.auth.Principal;
import org.lrs4j.auth.scope.Access;
import org.lrs4j.auth.scope.ScopeRules;
import org.lrs4j.auth.scope.XapiRoute;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.LrsException;
import org.lrs4j.core.statement.StatementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The xAPI HTTP server: the Statement and About resources under {@code /xapi} on Javalin, and, when
 * given the admin services, the admin REST API under {@code /admin/api} and the browser console
 * under {@code /console/}.
 *
 * <p>Every xAPI request except {@code /xapi/about} must carry a supported {@code
 * X-Experience-API-Version} header and credentials that the {@link Authenticator} accepts; every
 * response carries {@code X-Experience-API-Version} and {@code X-Request-Id}. Start with {@link
 * #start()}, stop with {@link #stop()}. Not thread safe for start and stop; requests are served
 * concurrently.
 */
public final class LrsServer {

  /** Path of the Statement resource. */
  public static final String STATEMENTS = "/xapi/statements";

  /** Path of the About resource. */
  public static final String ABOUT = "/xapi/about";

  /** Path of the State resource. */
  public static final String STATE = "/xapi/activities/state";

  /** Path of the Activity Profile resource. */
  public static final String ACTIVITY_PROFILE = "/xapi/activities/profile";

  /** Path of the Agent Profile resource. */
  public static final String AGENT_PROFILE = "/xapi/agents/profile";

  /** Path of the Activities resource. */
  public static final String ACTIVITIES = "/xapi/activities";

  /** Path of the Agents resource. */
  public static final String AGENTS = "/xapi/agents";

  private static final Logger LOG = LoggerFactory.getLogger(LrsServer.class);

  private final StatementService statements;
  private final Lrs lrs;
  private final Authenticator authenticator;
  private final HttpSettings settings;
  private final AdminApi admin;
  private final ObjectMapper mapper;
  private final Javalin app;

  /**
   * Creates a server; nothing listens until {@link #start()}.
   *
   * @param lrs the LRS whose statements the server stores and returns
   * @param authenticator the check of each request's {@code Authorization} header
   * @param settings address, public URL and limits
   */
  public LrsServer(Lrs lrs, Authenticator authenticator, HttpSettings settings) {
    this(lrs, authenticator, settings, null);
  }

  /**
   * Creates a server that also serves the admin REST API under {@code /admin/api}.
   *
   * @param admin the services of the admin API, or null to serve no admin API
   */
  public LrsServer(Lrs lrs, Authenticator authenticator, HttpSettings settings, AdminApi admin) {
    this.lrs = Objects.requireNonNull(lrs, "lrs");
    this.statements = lrs.statements();
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admin = admin;
    this.mapper = requestMapper();
    this.app = Javalin.create(this::configure);
  }

  /** Starts listening and returns the bound port, which differs from the setting when it was 0. */
  public int start() {
    app.start();
    LOG.info("xAPI server listening on {}:{}", settings.host(), app.port());
    if (admin != null) {
      LOG.info("Admin console at path {}{}", settings.basePath(), Console.PATH);
    }
    return app.port();
  }

  /** Stops listening and waits for requests in progress to finish. */
  public void stop() {
    app.stop();
    LOG.info("xAPI server stopped");
  }

  /** Returns the bound port; valid after {@link #start()}. */
  public int port() {
    return app.port();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.jetty.host = settings.host();
    config.jetty.port = settings.port();
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.requestLogger.http(LrsServer::logRequest);

    StatementRoutes routes =
        new StatementRoutes(
            statements,
            new StatementBodies(new JsonBodies(mapper), settings.maxBodyBytes()),
            new StatementResults(settings.basePath() + STATEMENTS),
            mapper);
    config.routes.before(RequestIds::assign);
    config.routes.before(LrsServer::rejectContentEncoding);
    config.routes.put(STATEMENTS, xapi(XapiRoute.STATEMENTS_PUT, routes::put));
    config.routes.post(STATEMENTS, xapi(XapiRoute.STATEMENTS_POST, routes::post));
    config.routes.get(
        STATEMENTS, xapi(XapiRoute.STATEMENTS_GET, (ctx, call) -> routes.get(ctx, call, true)));
    config.routes.head(
        STATEMENTS, xapi(XapiRoute.STATEMENTS_HEAD, (ctx, call) -> routes.get(ctx, call, false)));
    config.routes.get(ABOUT, ctx -> about(ctx, true));
    config.routes.head(ABOUT, ctx -> about(ctx, false));
    new ResourceRoutes(lrs, mapper, settings).register(config, this::xapi);
    if (admin != null) {
      AdminStatements adminStatements =
          new AdminStatements(
              statements,
              new StatementResults(settings.basePath() + AdminRoutes.BASE + "/statements"));
      new AdminRoutes(admin, adminStatements, mapper).register(config);
      Console.register(config);
    }

    ErrorResponses errors = new ErrorResponses(mapper, settings.maxBodyBytes());
    config.routes.exception(LrsException.class, errors::lrs);
    config.routes.exception(HttpResponseException.class, errors::javalin);
    config.routes.exception(Exception.class, errors::unexpected);
  }

  /**
   * Wraps a handler with version negotiation, authentication and the scope check of the route's row
   * in the scope table ({@link XapiRoute}).
   */
  private Handler xapi(XapiRoute route, XapiHandler handler) {
    return ctx -> {
      XapiVersion version = Versions.require(ctx);
      Principal principal =
          authenticator.authenticate(Optional.ofNullable(ctx.header(XapiHeaders.AUTHORIZATION)));
      Access access = ScopeRules.check(route, principal.scopes(), "key " + principal.key());

      Instant consistentThrough = statements.consistentThrough();
      ctx.header(
          XapiHeaders.CONSISTENT_THROUGH,
          StatementService.TIMESTAMP_FORMAT.format(consistentThrough));
      handler.handle(ctx, new XapiCall(version, principal, consistentThrough, access));
    };
  }

  private void about(Context ctx, boolean withBody) {
    ctx.header(XapiHeaders.VERSION, Versions.negotiated(ctx).header());
    ObjectNode about = mapper.createObjectNode();
    about.putArray("version").add(XapiVersion.V1_0_3.header()).add(XapiVersion.V2_0_0.header());
    about.putObject("extensions").putObject("urn:lrs4j:server").put("name", "LRS4J");
    ctx.status(200).contentType(XapiHeaders.JSON);
    byte[] body = about.toString().getBytes(StandardCharsets.UTF_8);
    if (withBody) {
      ctx.result(body);
    } else {
      XapiHeaders.headLength(ctx, body);
    }
  }

  /** Rejects a compressed request body, which the server would otherwise read as plain bytes. */
  private static void rejectContentEncoding(Context ctx) {
    String encoding = ctx.header(XapiHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
      throw new InvalidRequestException(
          XapiHeaders.CONTENT_ENCODING
              + ": "
              + encoding.strip()
              + " is not supported; send the body uncompressed");
    }
  }

  private static void logRequest(Context ctx, Float millis) {
    if (LOG.isInfoEnabled()) {
      LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), oneDecimal(millis));
    }
    MDC.remove(RequestIds.MDC_KEY);
  }

  /**
   * Formats a non-negative duration with one decimal without the cost of {@code String.format}.
   * Rounding works on the binary value, so the last digit can differ from {@code "%.1f"} for a
   * value that lies within float precision of a half.
   */
  static String oneDecimal(float millis) {
    long tenths = Math.round(millis * 10.0);
    return (tenths / 10) + "." + (tenths % 10);
  }

  private static ObjectMapper requestMapper() {
    ObjectMapper mapper = Lrs.exactNumbers(new ObjectMapper());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return mapper;
  }

  /** A handler of an authenticated xAPI request. */
  @FunctionalInterface
  interface XapiHandler {
    void handle(Context ctx, XapiCall call) throws Exception;
  }
}
