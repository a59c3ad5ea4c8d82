package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.JsonNode;

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
}
