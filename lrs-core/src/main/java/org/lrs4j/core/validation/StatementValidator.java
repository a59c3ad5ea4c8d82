package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lrs4j.core.XapiVersion;

/**
 * Checks a statement against every rule the xAPI specification places on the LRS for statement
 * data, under the rule set of the request's version: 1.0.3, or 2.0.0 with {@code contextAgents},
 * {@code contextGroups}, timestamps with a space, and statement version 2.0.0. Thread safe.
 *
 * <p>Not covered here: duplicate property names, which the JSON parser must reject, and the
 * signature and attachment payload checks, which need the request's parts.
 */
public final class StatementValidator {

  /** Largest number of violations reported for one statement. */
  public static final int MAX_VIOLATIONS = 100;

  /**
   * Returns every violation found in the statement, in document order and at most {@link
   * #MAX_VIOLATIONS}. An empty list means the statement is valid.
   */
  public List<Violation> validate(JsonNode statement, XapiVersion version) {
    Checker checker = new Checker(version, MAX_VIOLATIONS);
    if (statement instanceof ObjectNode object) {
      StatementRules.statement(object, checker);
    } else {
      checker.add(JsonPath.ROOT, statement, "must be a JSON object");
    }
    return checker.violations();
  }

  /**
   * Returns every violation of an Agent or Group object sent as a request parameter, such as the
   * {@code agent} of a document, with the same rules as an actor in a statement.
   */
  public List<Violation> validateActor(JsonNode actor, XapiVersion version) {
    Checker checker = new Checker(version, MAX_VIOLATIONS);
    if (actor instanceof ObjectNode object) {
      ActorRules.actor(object, JsonPath.ROOT, checker);
    } else {
      checker.add(JsonPath.ROOT, actor, "must be a JSON object");
    }
    return checker.violations();
  }
}
