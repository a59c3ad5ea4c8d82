package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.model.AgentKey;

/**
 * Checks a statement against the rules the xAPI specification places on the LRS. Thread safe.
 *
 * <p>NOTE: this first version checks structure only: required properties, one identifier per agent,
 * UUIDs and IRIs. The complete per-version rule set replaces it.
 */
public final class StatementValidator {

  private static final Pattern UUID_PATTERN =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IRI_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

  /** Returns every violation found in the statement; an empty list means it is valid. */
  public List<Violation> validate(JsonNode statement, XapiVersion version) {
    List<Violation> violations = new ArrayList<>();
    if (!statement.isObject()) {
      violations.add(new Violation("", statement.toString(), "must be a JSON object"));
      return violations;
    }
    JsonNode id = statement.get("id");
    if (id != null && !(id.isTextual() && UUID_PATTERN.matcher(id.textValue()).matches())) {
      violations.add(new Violation("id", id.toString(), "must be a UUID"));
    }
    checkActor(statement.get("actor"), "actor", violations);
    JsonNode verb = statement.get("verb");
    if (verb == null || !verb.isObject()) {
      violations.add(new Violation("verb", text(verb), "is required and must be an object"));
    } else {
      checkIri(verb.get("id"), "verb.id", violations);
    }
    JsonNode object = statement.get("object");
    if (object == null || !object.isObject()) {
      violations.add(new Violation("object", text(object), "is required and must be an object"));
    } else {
      checkObject(object, violations);
    }
    return violations;
  }

  private void checkObject(JsonNode object, List<Violation> violations) {
    String type = object.path("objectType").asText("Activity");
    switch (type) {
      case "Activity" -> checkIri(object.get("id"), "object.id", violations);
      case "Agent", "Group" -> checkActor(object, "object", violations);
      case "StatementRef" -> {
        JsonNode id = object.get("id");
        if (id == null || !id.isTextual() || !UUID_PATTERN.matcher(id.textValue()).matches()) {
          violations.add(new Violation("object.id", text(id), "must be a UUID"));
        }
      }
      case "SubStatement" -> {
        checkActor(object.get("actor"), "object.actor", violations);
        checkIri(object.path("verb").get("id"), "object.verb.id", violations);
      }
      default ->
          violations.add(
              new Violation(
                  "object.objectType",
                  object.get("objectType").toString(),
                  "must be Activity, Agent, Group, StatementRef or SubStatement"));
    }
  }

  private void checkActor(JsonNode actor, String path, List<Violation> violations) {
    if (actor == null || !actor.isObject()) {
      violations.add(new Violation(path, text(actor), "is required and must be an object"));
      return;
    }
    boolean group = actor.path("objectType").asText().equals("Group");
    if (AgentKey.of(actor).isEmpty() && !(group && actor.path("member").isArray())) {
      violations.add(
          new Violation(
              path,
              actor.toString(),
              "must have exactly one of mbox, mbox_sha1sum, openid or account"));
    }
  }

  private void checkIri(JsonNode value, String path, List<Violation> violations) {
    if (value == null || !value.isTextual() || !IRI_PATTERN.matcher(value.textValue()).matches()) {
      violations.add(new Violation(path, text(value), "is required and must be an IRI"));
    }
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }
}
