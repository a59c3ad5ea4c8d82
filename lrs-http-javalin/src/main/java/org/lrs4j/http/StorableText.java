package org.lrs4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.validation.JsonPath;

/**
 * Rejects text that a database cannot store faithfully: U+0000, which PostgreSQL text refuses, and
 * unpaired surrogates, which are replaced by {@code ?} on the way to the database. JSON escapes
 * such as {@code \u0000} and {@code \ud800} produce both.
 */
final class StorableText {

  private StorableText() {}

  /**
   * Checks every string value and property name of the tree.
   *
   * @throws InvalidRequestException naming the JSON path of the first offending text
   */
  static void check(JsonNode tree) {
    check(tree, JsonPath.ROOT);
  }

  /** Returns the rule the text breaks, or null when it can be stored. */
  static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return "must not contain U+0000";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired surrogate";
      }
    }
    return null;
  }

  private static void check(JsonNode node, JsonPath path) {
    if (node.isTextual()) {
      String problem = problem(node.textValue());
      if (problem != null) {
        throw new InvalidRequestException(where(path) + ": " + problem);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path.index(i));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String problem = problem(field.getKey());
        if (problem != null) {
          throw new InvalidRequestException(
              where(path.key(printable(field.getKey()))) + ": the property name " + problem);
        }
        check(field.getValue(), path.child(field.getKey()));
      }
    }
  }

  private static String where(JsonPath path) {
    String text = path.toString();
    return text.isEmpty() ? "request body" : text;
  }

  // A message cannot carry the offending characters: an unpaired surrogate cannot be written as
  // UTF-8.
  private static String printable(String name) {
    StringBuilder text = new StringBuilder(name.length());
    name.codePoints()
        .forEach(c -> text.appendCodePoint(c == 0 || Character.isSurrogate((char) c) ? 0xFFFD : c));
    return text.toString();
  }
}
