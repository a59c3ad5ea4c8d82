package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrs4j.core.XapiVersion;

/**
 * Collects the violations of one statement and offers the property checks that every rule class
 * shares. Each check reports a missing required property, a JSON {@code null} and a wrong type, and
 * returns the value only when the caller can go on checking it. Not thread safe: one per statement.
 */
final class Checker {

  private final XapiVersion version;
  private final int maxViolations;
  private final List<Violation> violations = new ArrayList<>();

  Checker(XapiVersion version, int maxViolations) {
    this.version = version;
    this.maxViolations = maxViolations;
  }

  XapiVersion version() {
    return version;
  }

  boolean isV2() {
    return version.isV2();
  }

  List<Violation> violations() {
    return violations;
  }

  void add(JsonPath path, JsonNode value, String rule) {
    if (violations.size() < maxViolations) {
      violations.add(new Violation(path.toString(), value == null ? null : value.toString(), rule));
    }
  }

  /** Reports every property of {@code node} that is not in {@code allowed}. */
  void allowOnly(ObjectNode node, JsonPath path, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (!allowed.contains(name)) {
        add(path.child(name), property.getValue(), unknownPropertyRule(name, allowed));
      }
    }
  }

  /** Returns the property, or null after reporting it missing (when required) or JSON null. */
  JsonNode value(ObjectNode parent, String name, JsonPath path, boolean required) {
    JsonNode value = parent.get(name);
    if (value == null) {
      if (required) {
        add(path.child(name), null, "is required");
      }
      return null;
    }
    if (value.isNull()) {
      add(path.child(name), value, "must not be null");
      return null;
    }
    return value;
  }

  ObjectNode object(ObjectNode parent, String name, JsonPath path, boolean required) {
    JsonNode value = value(parent, name, path, required);
    return value == null ? null : asObject(value, path.child(name));
  }

  /** Returns the node as an object, or null after reporting that it is not one. */
  ObjectNode asObject(JsonNode value, JsonPath path) {
    if (value instanceof ObjectNode object) {
      return object;
    }
    add(path, value, value.isNull() ? "must not be null" : "must be a JSON object");
    return null;
  }

  ArrayNode array(ObjectNode parent, String name, JsonPath path, boolean required) {
    JsonNode value = value(parent, name, path, required);
    if (value == null || value instanceof ArrayNode) {
      return (ArrayNode) value;
    }
    add(path.child(name), value, "must be a JSON array");
    return null;
  }

  String string(ObjectNode parent, String name, JsonPath path, boolean required) {
    JsonNode value = value(parent, name, path, required);
    if (value == null || value.isTextual()) {
      return value == null ? null : value.textValue();
    }
    add(path.child(name), value, "must be a string");
    return null;
  }

  /** Returns the node's text, or null after reporting that it is not a string. */
  String asString(JsonNode value, JsonPath path) {
    if (value.isTextual()) {
      return value.textValue();
    }
    add(path, value, value.isNull() ? "must not be null" : "must be a string");
    return null;
  }

  JsonNode number(ObjectNode parent, String name, JsonPath path) {
    JsonNode value = value(parent, name, path, false);
    if (value == null || value.isNumber()) {
      return value;
    }
    add(path.child(name), value, "must be a JSON number, not a string or other type");
    return null;
  }

  void bool(ObjectNode parent, String name, JsonPath path) {
    JsonNode value = value(parent, name, path, false);
    if (value != null && !value.isBoolean()) {
      add(path.child(name), value, "must be true or false (a JSON boolean, not a string)");
    }
  }

  void iri(ObjectNode parent, String name, JsonPath path, boolean required) {
    String text = string(parent, name, path, required);
    if (text != null && !Formats.isIri(text)) {
      add(path.child(name), parent.get(name), "must be an absolute IRI with a scheme");
    }
  }

  void irl(ObjectNode parent, String name, JsonPath path, boolean required) {
    String text = string(parent, name, path, required);
    if (text != null && !Formats.isIri(text)) {
      add(path.child(name), parent.get(name), "must be an absolute IRL with a scheme");
    }
  }

  void uuid(ObjectNode parent, String name, JsonPath path, boolean required) {
    String text = string(parent, name, path, required);
    if (text != null && !Formats.isUuid(text)) {
      add(path.child(name), parent.get(name), "must be a UUID in the 8-4-4-4-12 hex form");
    }
  }

  void timestamp(ObjectNode parent, String name, JsonPath path) {
    String text = string(parent, name, path, false);
    if (text != null) {
      Timestamps.violation(text, version)
          .ifPresent(rule -> add(path.child(name), parent.get(name), rule));
    }
  }

  void languageTag(ObjectNode parent, String name, JsonPath path) {
    String text = string(parent, name, path, false);
    if (text != null && !Formats.isLanguageTag(text)) {
      add(path.child(name), parent.get(name), "must be an RFC 5646 language tag such as en-US");
    }
  }

  /** Checks a language map: RFC 5646 tags as keys, strings as values. */
  void languageMap(ObjectNode parent, String name, JsonPath path, boolean required) {
    ObjectNode map = object(parent, name, path, required);
    if (map == null) {
      return;
    }
    JsonPath at = path.child(name);
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      JsonPath entryPath = at.key(entry.getKey());
      if (!Formats.isLanguageTag(entry.getKey())) {
        add(
            entryPath,
            TextNode.valueOf(entry.getKey()),
            "must be keyed by an RFC 5646 language tag such as en-US (not en_US)");
      }
      asString(entry.getValue(), entryPath);
    }
  }

  /** Checks an extensions map: IRIs as keys, and any value, null included. */
  void extensions(ObjectNode parent, String name, JsonPath path) {
    ObjectNode map = object(parent, name, path, false);
    if (map == null) {
      return;
    }
    JsonPath at = path.child(name);
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      if (!Formats.isIri(entry.getKey())) {
        add(
            at.key(entry.getKey()),
            TextNode.valueOf(entry.getKey()),
            "must be keyed by an absolute IRI such as http://example.com/extensions/speed");
      }
    }
  }

  private static String unknownPropertyRule(String name, Set<String> allowed) {
    for (String known : allowed) {
      if (known.equalsIgnoreCase(name)) {
        return "is not a property defined by xAPI. Property names are case sensitive, so use \""
            + known
            + "\"";
      }
    }
    return "is not a property defined by xAPI here. Custom data belongs in extensions";
  }
}
