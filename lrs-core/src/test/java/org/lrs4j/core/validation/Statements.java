package org.lrs4j.core.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/** Test statements: a valid base statement and edits that set or remove one property. */
public final class Statements {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Statements() {}

  /** Returns a fresh copy of a valid statement that uses most properties (about 1.5 KB). */
  public static ObjectNode typical() {
    return (ObjectNode) resource("/validation/typical-statement.json");
  }

  /** Parses JSON text. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test JSON does not parse: " + text, e);
    }
  }

  /** Returns an edit that sets the value at a JSON Pointer, creating objects on the way. */
  public static UnaryOperator<ObjectNode> set(String pointer, String value) {
    return statement -> {
      JsonPointer at = JsonPointer.compile(pointer);
      JsonNode parent = container(statement, at.head());
      String last = at.last().getMatchingProperty();
      if (parent instanceof ArrayNode array) {
        int index = Integer.parseInt(last);
        if (index < array.size()) {
          array.set(index, json(value));
        } else {
          array.add(json(value));
        }
      } else {
        ((ObjectNode) parent).set(last, json(value));
      }
      return statement;
    };
  }

  /** Returns an edit that removes the property at a JSON Pointer. */
  public static UnaryOperator<ObjectNode> remove(String pointer) {
    return statement -> {
      JsonPointer at = JsonPointer.compile(pointer);
      ((ObjectNode) statement.at(at.head())).remove(at.last().getMatchingProperty());
      return statement;
    };
  }

  /** Returns an edit that applies several edits in order. */
  @SafeVarargs
  public static UnaryOperator<ObjectNode> all(UnaryOperator<ObjectNode>... edits) {
    return statement -> {
      for (UnaryOperator<ObjectNode> edit : edits) {
        edit.apply(statement);
      }
      return statement;
    };
  }

  private static JsonNode container(ObjectNode statement, JsonPointer pointer) {
    JsonNode node = statement;
    JsonPointer rest = pointer;
    while (!rest.matches()) {
      String name = rest.getMatchingProperty();
      JsonNode next = node.get(name);
      if (next == null && node instanceof ArrayNode array) {
        next = array.get(rest.getMatchingIndex());
      }
      if (next == null) {
        next = ((ObjectNode) node).putObject(name);
      }
      node = next;
      rest = rest.tail();
    }
    return node;
  }

  private static JsonNode resource(String name) {
    try (InputStream in = Statements.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
