package org.lrs4j.core.validation;

/**
 * Location of a value inside a statement, such as {@code context.contextActivities.parent[0].id}.
 * Keys of language maps and extensions are written in brackets, as in {@code
 * verb.display["en-US"]}. Immutable. The text is built only when a violation needs it.
 */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private final String name;
  private final int index;

  private JsonPath(JsonPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  JsonPath child(String property) {
    return new JsonPath(this, property, -1);
  }

  /** Returns the path of a map entry, written {@code ["key"]} whatever the key looks like. */
  JsonPath key(String mapKey) {
    return new JsonPath(this, mapKey, -2);
  }

  JsonPath index(int position) {
    return new JsonPath(this, null, position);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(48);
    appendTo(text);
    return text.toString();
  }

  private void appendTo(StringBuilder text) {
    if (parent == null) {
      return;
    }
    parent.appendTo(text);
    if (name == null) {
      text.append('[').append(index).append(']');
    } else if (index != -2 && isPlainName(name)) {
      text.append(text.length() == 0 ? "" : ".").append(name);
    } else {
      text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
    }
  }

  private static boolean isPlainName(String property) {
    if (property.isEmpty()) {
      return false;
    }
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (!(c == '_'
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
