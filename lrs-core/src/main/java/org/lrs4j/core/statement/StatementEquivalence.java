package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Rule that decides whether a statement sent again with a stored id is the same statement, in which
 * case the LRS changes nothing, or a different one, which is a conflict.
 */
@FunctionalInterface
public interface StatementEquivalence {

  /**
   * Returns true when {@code incoming} is the same statement as {@code stored}, ignoring the
   * properties the LRS sets itself.
   */
  boolean same(JsonNode stored, JsonNode incoming);

  /**
   * Returns where {@code incoming} first differs from {@code stored}, as a JSON path such as {@code
   * result.score.raw}, or empty when {@link #same} finds them the same. A repository puts the path
   * into its conflict message.
   *
   * <p>This default cannot locate a difference and returns the empty path for the whole statement.
   */
  default Optional<String> difference(JsonNode stored, JsonNode incoming) {
    return same(stored, incoming) ? Optional.empty() : Optional.of("");
  }
}
