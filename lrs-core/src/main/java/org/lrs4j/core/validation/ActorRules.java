package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Rules for Agents and Groups: the inverse functional identifier (IFI), anonymous and identified
 * Groups, their members, and the authority.
 */
final class ActorRules {

  private static final Set<String> AGENT_PROPERTIES =
      Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> GROUP_PROPERTIES =
      Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> ACCOUNT_PROPERTIES = Set.of("homePage", "name");
  private static final String ONE_IDENTIFIER =
      "must have exactly one identifier: mbox, mbox_sha1sum, openid or account";
  private static final String AUTHORITY_RULE =
      "must be an Agent, or an anonymous Group of exactly two Agents (application and user)";

  private ActorRules() {}

  /** Checks an Agent or Group whose {@code objectType} may be omitted for an Agent. */
  static void actor(
      ObjectNode parent, String name, JsonPath path, Checker checker, boolean required) {
    ObjectNode actor = checker.object(parent, name, path, required);
    if (actor != null) {
      actor(actor, path.child(name), checker);
    }
  }

  static void actor(ObjectNode actor, JsonPath path, Checker checker) {
    String type = checker.string(actor, "objectType", path, false);
    if (type == null && actor.has("objectType")) {
      return;
    }
    if ("Group".equals(type)) {
      group(actor, path, checker);
    } else if (type == null || type.equals("Agent")) {
      agent(actor, path, checker);
    } else {
      checker.add(
          path.child("objectType"),
          actor.get("objectType"),
          "must be Agent or Group (case sensitive)");
    }
  }

  /** Checks an Agent: its properties and exactly one identifier. */
  static void agent(ObjectNode agent, JsonPath path, Checker checker) {
    checker.allowOnly(agent, path, AGENT_PROPERTIES);
    checker.string(agent, "name", path, false);
    int identifiers = identifiers(agent, path, checker);
    if (identifiers != 1) {
      checker.add(
          path,
          agent,
          identifiers == 0 ? ONE_IDENTIFIER : ONE_IDENTIFIER + ", found " + identifiers);
    }
  }

  /**
   * Checks a Group: an identified Group has exactly one identifier, an anonymous Group lists at
   * least one member, and members are Agents.
   */
  static void group(ObjectNode group, JsonPath path, Checker checker) {
    checker.allowOnly(group, path, GROUP_PROPERTIES);
    checker.string(group, "name", path, false);
    int identifiers = identifiers(group, path, checker);
    if (identifiers > 1) {
      checker.add(
          path, group, ONE_IDENTIFIER + " or none for an anonymous Group, found " + identifiers);
    }
    ArrayNode members = checker.array(group, "member", path, identifiers == 0);
    if (members == null) {
      return;
    }
    if (identifiers == 0 && members.isEmpty()) {
      checker.add(
          path.child("member"), members, "must list at least one Agent in an anonymous Group");
    }
    JsonPath memberPath = path.child("member");
    for (int i = 0; i < members.size(); i++) {
      member(members.get(i), memberPath.index(i), checker);
    }
  }

  /** Checks a Group that must state {@code "objectType": "Group"}, such as {@code context.team}. */
  static void requireGroup(
      ObjectNode parent, String name, JsonPath path, Checker checker, boolean required) {
    ObjectNode group = checker.object(parent, name, path, required);
    if (group == null) {
      return;
    }
    JsonPath at = path.child(name);
    if (!"Group".equals(group.path("objectType").textValue())) {
      checker.add(at.child("objectType"), group.get("objectType"), "must be Group");
      return;
    }
    group(group, at, checker);
  }

  /** Checks a node that must be an Agent, and reports any {@code objectType} other than Agent. */
  static void requireAgent(JsonNode node, JsonPath path, Checker checker) {
    ObjectNode agent = checker.asObject(node, path);
    if (agent == null) {
      return;
    }
    JsonNode type = agent.get("objectType");
    if (type != null && !"Agent".equals(type.textValue())) {
      checker.add(
          path.child("objectType"), type, "must be Agent, because a Group cannot be used here");
      return;
    }
    agent(agent, path, checker);
  }

  /** Checks the authority: an Agent, or an anonymous Group of two Agents (3-legged OAuth). */
  static void authority(ObjectNode statement, JsonPath path, Checker checker) {
    ObjectNode authority = checker.object(statement, "authority", path, false);
    if (authority == null) {
      return;
    }
    JsonPath at = path.child("authority");
    actor(authority, at, checker);
    if (!"Group".equals(authority.path("objectType").textValue())) {
      return;
    }
    JsonNode members = authority.get("member");
    boolean identified = identifierCount(authority) > 0;
    if (identified || members == null || !members.isArray() || members.size() != 2) {
      checker.add(at, authority, AUTHORITY_RULE);
    }
  }

  private static void member(JsonNode node, JsonPath path, Checker checker) {
    ObjectNode member = checker.asObject(node, path);
    if (member == null) {
      return;
    }
    JsonNode type = member.get("objectType");
    if (type != null && !"Agent".equals(type.textValue())) {
      checker.add(
          path.child("objectType"),
          type,
          "must be Agent, because a Group cannot be a member of a Group");
      return;
    }
    agent(member, path, checker);
  }

  /** Checks the format of each identifier present and returns how many there are. */
  private static int identifiers(ObjectNode actor, JsonPath path, Checker checker) {
    String mbox = checker.string(actor, "mbox", path, false);
    if (mbox != null && !Formats.isMailtoIri(mbox)) {
      checker.add(
          path.child("mbox"),
          actor.get("mbox"),
          "must be a mailto IRI such as mailto:ann@example.com");
    }
    String sha1 = checker.string(actor, "mbox_sha1sum", path, false);
    if (sha1 != null && !Formats.isHexString(sha1, 40)) {
      checker.add(
          path.child("mbox_sha1sum"),
          actor.get("mbox_sha1sum"),
          "must be a SHA-1 hash as 40 hex digits");
    }
    checker.iri(actor, "openid", path, false);
    account(actor, path, checker);
    return identifierCount(actor);
  }

  private static int identifierCount(ObjectNode actor) {
    int count = 0;
    count += actor.has("mbox") ? 1 : 0;
    count += actor.has("mbox_sha1sum") ? 1 : 0;
    count += actor.has("openid") ? 1 : 0;
    count += actor.has("account") ? 1 : 0;
    return count;
  }

  private static void account(ObjectNode actor, JsonPath path, Checker checker) {
    ObjectNode account = checker.object(actor, "account", path, false);
    if (account == null) {
      return;
    }
    JsonPath at = path.child("account");
    checker.allowOnly(account, at, ACCOUNT_PROPERTIES);
    checker.irl(account, "homePage", at, true);
    checker.string(account, "name", at, true);
  }
}
