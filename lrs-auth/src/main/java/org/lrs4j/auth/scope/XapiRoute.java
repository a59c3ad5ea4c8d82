package org.lrs4j.auth.scope;

import static org.lrs4j.core.credential.Scope.ALL;
import static org.lrs4j.core.credential.Scope.ALL_READ;
import static org.lrs4j.core.credential.Scope.PROFILE;
import static org.lrs4j.core.credential.Scope.STATE;
import static org.lrs4j.core.credential.Scope.STATEMENTS_READ;
import static org.lrs4j.core.credential.Scope.STATEMENTS_READ_MINE;
import static org.lrs4j.core.credential.Scope.STATEMENTS_WRITE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.lrs4j.core.credential.Scope;

/**
 * Every xAPI route with the scopes that grant it: the scope table of the LRS.
 *
 * <p>The rules follow the scope list of the xAPI specification (1.0.3, Communication, section 4.2):
 * {@code all} grants everything; {@code all/read} grants every read; {@code statements/write} and
 * {@code statements/read} grant writing and reading statements; {@code statements/read/mine} grants
 * reading only the statements whose authority is the caller's; {@code state} grants the State
 * resource and {@code profile} the Activity Profile and Agent Profile resources, read and write.
 * The Activities and Agents resources return what statements revealed, so {@code statements/read}
 * grants them too. {@code define} grants no route: it is accepted and stored, and has no effect
 * while the LRS keeps no canonical Activity definitions. The About resource needs no credentials
 * and is not listed.
 */
public enum XapiRoute {
  STATEMENTS_PUT("PUT", "/xapi/statements", write(STATEMENTS_WRITE)),
  STATEMENTS_POST("POST", "/xapi/statements", write(STATEMENTS_WRITE)),
  STATEMENTS_GET("GET", "/xapi/statements", read(STATEMENTS_READ), STATEMENTS_READ_MINE),
  STATEMENTS_HEAD("HEAD", "/xapi/statements", read(STATEMENTS_READ), STATEMENTS_READ_MINE),
  STATE_GET("GET", "/xapi/activities/state", read(STATE)),
  STATE_HEAD("HEAD", "/xapi/activities/state", read(STATE)),
  STATE_PUT("PUT", "/xapi/activities/state", write(STATE)),
  STATE_POST("POST", "/xapi/activities/state", write(STATE)),
  STATE_DELETE("DELETE", "/xapi/activities/state", write(STATE)),
  ACTIVITY_PROFILE_GET("GET", "/xapi/activities/profile", read(PROFILE)),
  ACTIVITY_PROFILE_HEAD("HEAD", "/xapi/activities/profile", read(PROFILE)),
  ACTIVITY_PROFILE_PUT("PUT", "/xapi/activities/profile", write(PROFILE)),
  ACTIVITY_PROFILE_POST("POST", "/xapi/activities/profile", write(PROFILE)),
  ACTIVITY_PROFILE_DELETE("DELETE", "/xapi/activities/profile", write(PROFILE)),
  AGENT_PROFILE_GET("GET", "/xapi/agents/profile", read(PROFILE)),
  AGENT_PROFILE_HEAD("HEAD", "/xapi/agents/profile", read(PROFILE)),
  AGENT_PROFILE_PUT("PUT", "/xapi/agents/profile", write(PROFILE)),
  AGENT_PROFILE_POST("POST", "/xapi/agents/profile", write(PROFILE)),
  AGENT_PROFILE_DELETE("DELETE", "/xapi/agents/profile", write(PROFILE)),
  ACTIVITIES_GET("GET", "/xapi/activities", read(STATEMENTS_READ)),
  ACTIVITIES_HEAD("HEAD", "/xapi/activities", read(STATEMENTS_READ)),
  AGENTS_GET("GET", "/xapi/agents", read(STATEMENTS_READ)),
  AGENTS_HEAD("HEAD", "/xapi/agents", read(STATEMENTS_READ));

  private final String method;
  private final String path;
  private final Set<Scope> fullScopes;
  private final Scope mineScope;

  XapiRoute(String method, String path, Set<Scope> fullScopes) {
    this(method, path, fullScopes, null);
  }

  XapiRoute(String method, String path, Set<Scope> fullScopes, Scope mineScope) {
    this.method = method;
    this.path = path;
    this.fullScopes = fullScopes;
    this.mineScope = mineScope;
  }

  /** Returns the HTTP method in upper case. */
  public String method() {
    return method;
  }

  /** Returns the path, starting with {@code /xapi}. */
  public String path() {
    return path;
  }

  /** Returns the scopes that grant full access, in the specification's order. */
  public Set<Scope> fullScopes() {
    return fullScopes;
  }

  /** Returns the scope that grants access to the caller's own statements only, if any. */
  public Optional<Scope> mineScope() {
    return Optional.ofNullable(mineScope);
  }

  /** Finds the route of a method and path. */
  public static Optional<XapiRoute> of(String method, String path) {
    return Arrays.stream(values())
        .filter(route -> route.method.equalsIgnoreCase(method) && route.path.equals(path))
        .findFirst();
  }

  private static Set<Scope> read(Scope scope) {
    return EnumSet.of(scope, ALL_READ, ALL);
  }

  private static Set<Scope> write(Scope scope) {
    return EnumSet.of(scope, ALL);
  }
}
