package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule for "same id, same statement": two statements are the same when they are equal after
 * removing the {@code id} (already matched, maybe in another case) and the properties the LRS sets
 * ({@code stored}, {@code authority}, {@code version}), and the stored {@code timestamp} when the
 * incoming statement has none because the LRS added it.
 */
public final class StatementComparison implements StatementEquivalence {

  private static final String[] LRS_PROPERTIES = {"id", "stored", "authority", "version"};

  @Override
  public boolean same(JsonNode stored, JsonNode incoming) {
    boolean ignoreTimestamp = !incoming.has("timestamp");
    return strip(stored, ignoreTimestamp).equals(strip(incoming, ignoreTimestamp));
  }

  private static JsonNode strip(JsonNode statement, boolean ignoreTimestamp) {
    ObjectNode copy = ((ObjectNode) statement).deepCopy();
    for (String property : LRS_PROPERTIES) {
      copy.remove(property);
    }
    if (ignoreTimestamp) {
      copy.remove("timestamp");
    }
    return copy;
  }
}
