package org.lrs4j.auth.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ForbiddenException;

class ScopeRulesTest {

  /**
   * The expected table, written out by resource and direction: for each, the scopes that grant full
   * access and the one that grants the caller's own statements.
   */
  private static final Map<String, String> FULL =
      Map.of(
          "statements write", "statements/write all",
          "statements read", "statements/read all/read all",
          "state write", "state all",
          "state read", "state all/read all",
          "profile write", "profile all",
          "profile read", "profile all/read all",
          "definitions read", "statements/read all/read all");

  static List<Arguments> everyRouteWithEveryScope() {
    List<Arguments> cases = new ArrayList<>();
    for (XapiRoute route : XapiRoute.values()) {
      for (Scope scope : Scope.values()) {
        cases.add(Arguments.of(route, scope, expected(route, scope)));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @MethodSource("everyRouteWithEveryScope")
  void scopeGrantsRouteAsTheTableSays(XapiRoute route, Scope scope, String expected) {
    String actual;
    try {
      actual = ScopeRules.check(route, Set.of(scope), "key k1").name();
    } catch (ForbiddenException e) {
      actual = "FORBIDDEN";
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void forbiddenMessageNamesTheNeededScopes() {
    assertThatThrownBy(
            () -> ScopeRules.check(XapiRoute.STATEMENTS_POST, Set.of(Scope.STATE), "key k1"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "key k1 lacks the scope for POST /xapi/statements; it needs one of:"
                + " statements/write, all");
  }

  @Test
  void fullScopeWinsOverMine() {
    Set<Scope> both = Set.of(Scope.STATEMENTS_READ_MINE, Scope.STATEMENTS_READ);

    assertThat(ScopeRules.check(XapiRoute.STATEMENTS_GET, both, "key k1")).isEqualTo(Access.FULL);
  }

  @Test
  void routesAreFoundByMethodAndPath() {
    assertThat(XapiRoute.of("get", "/xapi/activities/state")).contains(XapiRoute.STATE_GET);
    assertThat(XapiRoute.of("GET", "/xapi/about")).isEmpty();
  }

  private static String expected(XapiRoute route, Scope scope) {
    String row = resource(route) + " " + direction(route);
    if (List.of(FULL.get(row).split(" ")).contains(scope.value())) {
      return "FULL";
    }
    if (row.equals("statements read") && scope == Scope.STATEMENTS_READ_MINE) {
      return "MINE";
    }
    return "FORBIDDEN";
  }

  private static String resource(XapiRoute route) {
    String path = route.path();
    if (path.equals("/xapi/statements")) {
      return "statements";
    }
    if (path.equals("/xapi/activities/state")) {
      return "state";
    }
    if (path.endsWith("/profile")) {
      return "profile";
    }
    return "definitions";
  }

  private static String direction(XapiRoute route) {
    return Set.of("GET", "HEAD").contains(route.method()) ? "read" : "write";
  }
}
