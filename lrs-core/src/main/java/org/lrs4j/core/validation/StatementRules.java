package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.lrs4j.core.model.Statement;

/**
 * Rules for the statement itself and the parts a SubStatement shares with it: required properties,
 * the verb, the object and its {@code objectType}, StatementRefs, SubStatements, {@code version},
 * and voiding.
 */
final class StatementRules {

  private static final Set<String> STATEMENT_PROPERTIES =
      Set.of(
          "id",
          "actor",
          "verb",
          "object",
          "result",
          "context",
          "timestamp",
          "stored",
          "authority",
          "version",
          "attachments");
  private static final Set<String> SUBSTATEMENT_PROPERTIES =
      Set.of(
          "objectType",
          "actor",
          "verb",
          "object",
          "result",
          "context",
          "timestamp",
          "attachments",
          "id",
          "stored",
          "version",
          "authority");
  private static final Set<String> NOT_IN_SUBSTATEMENT =
      Set.of("id", "stored", "version", "authority");
  private static final Set<String> VERB_PROPERTIES = Set.of("id", "display");
  private static final Set<String> STATEMENT_REF_PROPERTIES = Set.of("objectType", "id");
  private static final Set<String> ACTOR_IDENTIFIERS =
      Set.of("mbox", "mbox_sha1sum", "openid", "account", "member");

  private StatementRules() {}

  static void statement(ObjectNode statement, Checker checker) {
    JsonPath root = JsonPath.ROOT;
    checker.allowOnly(statement, root, STATEMENT_PROPERTIES);
    checker.uuid(statement, "id", root, false);
    shared(statement, root, checker, false);
    checker.timestamp(statement, "stored", root);
    ActorRules.authority(statement, root, checker);
    version(statement, root, checker);
  }

  /** Checks a StatementRef: {@code "objectType": "StatementRef"} and a UUID {@code id}. */
  static void statementRef(ObjectNode reference, JsonPath path, Checker checker) {
    checker.allowOnly(reference, path, STATEMENT_REF_PROPERTIES);
    String type = checker.string(reference, "objectType", path, true);
    if (type != null && !type.equals("StatementRef")) {
      checker.add(path.child("objectType"), reference.get("objectType"), "must be StatementRef");
    }
    checker.uuid(reference, "id", path, true);
  }

  private static void subStatement(ObjectNode subStatement, JsonPath path, Checker checker) {
    checker.allowOnly(subStatement, path, SUBSTATEMENT_PROPERTIES);
    for (String name : NOT_IN_SUBSTATEMENT) {
      if (subStatement.has(name)) {
        checker.add(
            path.child(name),
            subStatement.get(name),
            "must not appear in a SubStatement (id, stored, version and authority are not allowed)");
      }
    }
    shared(subStatement, path, checker, true);
  }

  /** Checks the properties a statement and a SubStatement have in common. */
  private static void shared(
      ObjectNode statement, JsonPath path, Checker checker, boolean inSubStatement) {
    ActorRules.actor(statement, "actor", path, checker, true);
    verb(statement, path, checker);
    String objectType = object(statement, path, checker, inSubStatement);
    ResultRules.result(statement, path, checker);
    ContextRules.context(statement, path, checker, "Activity".equals(objectType));
    checker.timestamp(statement, "timestamp", path);
    AttachmentRules.attachments(statement, path, checker);
    voiding(statement, path, checker, objectType);
  }

  private static void verb(ObjectNode statement, JsonPath path, Checker checker) {
    ObjectNode verb = checker.object(statement, "verb", path, true);
    if (verb == null) {
      return;
    }
    JsonPath at = path.child("verb");
    checker.allowOnly(verb, at, VERB_PROPERTIES);
    checker.iri(verb, "id", at, true);
    checker.languageMap(verb, "display", at, false);
  }

  /** Checks the object and returns its effective {@code objectType}, or null when unknown. */
  private static String object(
      ObjectNode statement, JsonPath path, Checker checker, boolean inSubStatement) {
    ObjectNode object = checker.object(statement, "object", path, true);
    if (object == null) {
      return null;
    }
    JsonPath at = path.child("object");
    String type = objectType(object, at, checker);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "Activity" -> ActivityRules.activity(object, at, checker);
      case "Agent" -> ActorRules.agent(object, at, checker);
      case "Group" -> ActorRules.group(object, at, checker);
      case "StatementRef" -> statementRef(object, at, checker);
      case "SubStatement" -> {
        if (inSubStatement) {
          checker.add(
              at.child("objectType"),
              object.get("objectType"),
              "must not be SubStatement inside a SubStatement, because SubStatements cannot be nested");
        } else {
          subStatement(object, at, checker);
        }
      }
      default ->
          checker.add(
              at.child("objectType"),
              object.get("objectType"),
              "must be Activity, Agent, Group, StatementRef or SubStatement (case sensitive)");
    }
    return type;
  }

  private static String objectType(ObjectNode object, JsonPath path, Checker checker) {
    if (object.has("objectType")) {
      return checker.string(object, "objectType", path, false);
    }
    if (!object.has("id") && hasActorProperty(object)) {
      checker.add(
          path.child("objectType"),
          null,
          "is required when the object is an Agent or Group. Add \"objectType\": \"Agent\" or"
              + " \"Group\"");
      return null;
    }
    return "Activity";
  }

  private static boolean hasActorProperty(ObjectNode object) {
    for (String name : ACTOR_IDENTIFIERS) {
      if (object.has(name)) {
        return true;
      }
    }
    return false;
  }

  private static void version(ObjectNode statement, JsonPath path, Checker checker) {
    String version = checker.string(statement, "version", path, false);
    if (version == null || isAcceptedVersion(version, checker.isV2())) {
      return;
    }
    checker.add(
        path.child("version"),
        statement.get("version"),
        checker.isV2()
            ? "must be 1.0.x (such as 1.0.0) or 2.0.0"
            : "must be 1.0.x (such as 1.0.0), because 2.0.0 requires X-Experience-API-Version 2.0.0");
  }

  private static boolean isAcceptedVersion(String version, boolean v2) {
    if (v2 && version.equals("2.0.0")) {
      return true;
    }
    if (!version.startsWith("1.0.") || version.length() == 4) {
      return false;
    }
    for (int i = 4; i < version.length(); i++) {
      if (!Formats.isDigit(version.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void voiding(
      ObjectNode statement, JsonPath path, Checker checker, String objectType) {
    JsonNode verbId = statement.path("verb").get("id");
    if (verbId == null || !Statement.VOIDED_VERB.equals(verbId.textValue())) {
      return;
    }
    if (objectType != null && !objectType.equals("StatementRef")) {
      JsonNode object = statement.get("object");
      checker.add(
          path.child("object").child("objectType"),
          object.get("objectType"),
          "must be StatementRef when the verb is " + Statement.VOIDED_VERB);
    }
  }
}
