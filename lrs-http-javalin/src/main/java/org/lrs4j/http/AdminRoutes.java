package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTParser;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lrs4j.auth.BearerAuthenticator;
import org.lrs4j.auth.NewApiKey;
import org.lrs4j.auth.admin.AdminActor;
import org.lrs4j.auth.admin.AdminSession;
import org.lrs4j.auth.oidc.VerifiedToken;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.admin.AuditEntry;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.error.ForbiddenException;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Handlers of the admin REST API under {@code /admin/api}. Every route but login needs {@code
 * Authorization: Bearer <token>} with a session token from login, or an identity provider's token
 * with the admin scope.
 */
final class AdminRoutes {

  /** Base path of the admin API. */
  static final String BASE = "/admin/api";

  private static final String SESSION_ISSUER = "lrs4j";
  private static final int MAX_AUDIT_PAGE = 500;

  private final AdminApi api;
  private final AdminStatements statements;
  private final ObjectMapper mapper;

  AdminRoutes(AdminApi api, AdminStatements statements, ObjectMapper mapper) {
    this.api = api;
    this.statements = statements;
    this.mapper = mapper;
  }

  /** Registers every route of the admin API. */
  void register(JavalinConfig config) {
    config.routes.post(BASE + "/login", this::login);
    config.routes.post(BASE + "/logout", this::logout);
    config.routes.get(BASE + "/accounts", this::listAccounts);
    config.routes.post(BASE + "/accounts", this::createAccount);
    config.routes.delete(BASE + "/accounts/{username}", this::deleteAccount);
    config.routes.put(BASE + "/account/password", this::changePassword);
    config.routes.get(BASE + "/keys", this::listKeys);
    config.routes.post(BASE + "/keys", this::createKey);
    config.routes.get(BASE + "/keys/{key}", this::getKey);
    config.routes.put(BASE + "/keys/{key}/scopes", this::changeScopes);
    config.routes.post(BASE + "/keys/{key}/rotate", this::rotateKey);
    config.routes.delete(BASE + "/keys/{key}", this::revokeKey);
    config.routes.get(BASE + "/audit", this::audit);
    config.routes.get(BASE + "/statements", this::statements);
  }

  private void login(Context ctx) {
    JsonNode body = body(ctx);
    String username = text(body, "username");
    String password = text(body, "password");

    String token = api.accounts().login(username, password, ctx.ip());

    ObjectNode result = mapper.createObjectNode().put("token", token);
    json(ctx, 200, result);
  }

  private void logout(Context ctx) {
    Caller caller = authenticate(ctx);
    if (caller.session().isEmpty()) {
      throw new InvalidRequestException(
          "Authorization: logout ends admin sessions; an identity provider's token ends at its"
              + " provider");
    }
    api.accounts().logout(caller.session().get(), ctx.ip());
    ctx.status(204);
  }

  private void listAccounts(Context ctx) {
    authenticate(ctx);
    ArrayNode result = mapper.createArrayNode();
    api.accounts().list().forEach(account -> result.add(accountJson(account)));
    json(ctx, 200, result);
  }

  private void createAccount(Context ctx) {
    Caller caller = authenticate(ctx);
    JsonNode body = body(ctx);

    AdminAccount account =
        api.accounts().create(text(body, "username"), text(body, "password"), caller.actor());

    json(ctx, 201, accountJson(account));
  }

  private void deleteAccount(Context ctx) {
    Caller caller = authenticate(ctx);
    api.accounts().delete(ctx.pathParam("username"), caller.actor());
    ctx.status(204);
  }

  private void changePassword(Context ctx) {
    Caller caller = authenticate(ctx);
    if (caller.session().isEmpty()) {
      throw new ForbiddenException(
          "password: only an admin account signed in with a password can change its password");
    }
    JsonNode body = body(ctx);

    api.accounts()
        .changePassword(
            caller.actor().name(),
            text(body, "currentPassword"),
            text(body, "newPassword"),
            ctx.ip());
    ctx.status(204);
  }

  private void listKeys(Context ctx) {
    authenticate(ctx);
    ArrayNode result = mapper.createArrayNode();
    api.keys().list().forEach(key -> result.add(keyJson(key)));
    json(ctx, 200, result);
  }

  private void getKey(Context ctx) {
    authenticate(ctx);
    json(ctx, 200, keyJson(api.keys().find(ctx.pathParam("key"))));
  }

  private void createKey(Context ctx) {
    Caller caller = authenticate(ctx);
    JsonNode body = body(ctx);
    String label = body.path("label").asText("");
    Set<Scope> scopes = scopes(body);
    Instant expiresAt = expiresAt(body);

    String owner = caller.session().map(AdminSession::username).orElse(null);
    NewApiKey created = api.keys().create(label, scopes, expiresAt, owner, caller.actor());

    json(ctx, 201, keyJson(created.credential()).put("secret", created.secret()));
  }

  private void changeScopes(Context ctx) {
    Caller caller = authenticate(ctx);
    Set<Scope> scopes = scopes(body(ctx));
    json(ctx, 200, keyJson(api.keys().changeScopes(ctx.pathParam("key"), scopes, caller.actor())));
  }

  private void rotateKey(Context ctx) {
    Caller caller = authenticate(ctx);
    NewApiKey rotated = api.keys().rotate(ctx.pathParam("key"), caller.actor());
    json(ctx, 200, keyJson(rotated.credential()).put("secret", rotated.secret()));
  }

  private void revokeKey(Context ctx) {
    Caller caller = authenticate(ctx);
    json(ctx, 200, keyJson(api.keys().revoke(ctx.pathParam("key"), caller.actor())));
  }

  private void audit(Context ctx) {
    authenticate(ctx);
    long before = longParameter(ctx, "before", 0, 0, Long.MAX_VALUE);
    int limit = (int) longParameter(ctx, "limit", 100, 1, MAX_AUDIT_PAGE);

    ArrayNode result = mapper.createArrayNode();
    for (AuditEntry entry : api.audit().newest(before, limit)) {
      result
          .addObject()
          .put("id", entry.id())
          .put("at", entry.at().toString())
          .put("actor", entry.actor())
          .put("action", entry.action())
          .put("target", entry.target())
          .put("address", entry.address());
    }
    json(ctx, 200, result);
  }

  private void statements(Context ctx) {
    authenticate(ctx);
    statements.get(ctx);
  }

  /** Authenticates an admin request by a session token or an identity provider's token. */
  private Caller authenticate(Context ctx) {
    String header = Optional.ofNullable(ctx.header(XapiHeaders.AUTHORIZATION)).orElse("").strip();
    if (!BearerAuthenticator.isBearer(header)) {
      throw new AuthenticationException(
          "Authorization: missing; send Bearer <token> with a token from " + BASE + "/login");
    }
    String token = header.substring("bearer ".length()).strip();

    if (api.oidc().isPresent() && !SESSION_ISSUER.equals(unverifiedIssuer(token))) {
      VerifiedToken verified = api.oidc().get().verify(Optional.of(header));
      if (!verified.admin()) {
        throw new ForbiddenException(
            "token of " + verified.subject() + " lacks the admin scope that the admin API needs");
      }
      return new Caller(new AdminActor("oidc:" + verified.subject(), ctx.ip()), Optional.empty());
    }
    AdminSession session = api.accounts().authenticate(token);
    return new Caller(new AdminActor(session.username(), ctx.ip()), Optional.of(session));
  }

  private static String unverifiedIssuer(String token) {
    try {
      return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new AuthenticationException("Authorization: the bearer token is not a JWT", e);
    }
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode body = mapper.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new InvalidRequestException("request body: must be a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request body: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidRequestException(field + ": missing; a string is required");
    }
    return value.asText();
  }

  private static Set<Scope> scopes(JsonNode body) {
    JsonNode values = body.get("scopes");
    if (values == null || !values.isArray() || values.isEmpty()) {
      throw new InvalidRequestException("scopes: must be a non-empty array of xAPI scope names");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (JsonNode value : values) {
      scopes.add(
          Scope.parse(value.asText())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "scopes: unknown scope "
                              + value
                              + "; use statements/write, statements/read, statements/read/mine,"
                              + " all/read, all, state, define or profile")));
    }
    return scopes;
  }

  private static Instant expiresAt(JsonNode body) {
    JsonNode value = body.get("expiresAt");
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "expiresAt: invalid value " + value + "; use an ISO 8601 UTC time", e);
    }
  }

  private static long longParameter(Context ctx, String name, long fallback, long min, long max) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(values.get(0));
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range.
    }
    throw new InvalidRequestException(
        name + ": invalid value " + values.get(0) + "; use a whole number " + min + " to " + max);
  }

  private ObjectNode accountJson(AdminAccount account) {
    return mapper
        .createObjectNode()
        .put("username", account.username())
        .put("createdAt", account.createdAt().toString());
  }

  private ObjectNode keyJson(Credential credential) {
    ObjectNode node = mapper.createObjectNode();
    node.put("key", credential.key());
    node.put("label", credential.label());
    ArrayNode scopes = node.putArray("scopes");
    credential.scopes().stream().map(Scope::value).sorted().forEach(scopes::add);
    node.put("createdAt", credential.createdAt().toString());
    node.put(
        "expiresAt", credential.expiresAt() == null ? null : credential.expiresAt().toString());
    node.put("revoked", credential.revoked());
    node.put("owner", credential.owner());
    return node;
  }

  private void json(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  /** An authenticated admin: who, and the session when signed in with a password. */
  private record Caller(AdminActor actor, Optional<AdminSession> session) {}
}
