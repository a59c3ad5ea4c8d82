package org.lrs4j.auth.scope;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ForbiddenException;

/** Decides whether a caller's scopes grant an xAPI route. */
public final class ScopeRules {

  private ScopeRules() {}

  /**
   * Returns the access that the scopes grant on the route.
   *
   * @param caller the caller's id, for the message
   * @throws ForbiddenException naming the scopes that would grant the route when none is held
   */
  public static Access check(XapiRoute route, Set<Scope> scopes, String caller) {
    Objects.requireNonNull(route, "route");
    if (route.fullScopes().stream().anyMatch(scopes::contains)) {
      return Access.FULL;
    }
    if (route.mineScope().filter(scopes::contains).isPresent()) {
      return Access.MINE;
    }
    throw new ForbiddenException(
        caller
            + " lacks the scope for "
            + route.method()
            + " "
            + route.path()
            + "; it needs one of: "
            + names(route));
  }

  private static String names(XapiRoute route) {
    return Stream.concat(route.fullScopes().stream(), route.mineScope().stream())
        .map(Scope::value)
        .collect(Collectors.joining(", "));
  }
}
