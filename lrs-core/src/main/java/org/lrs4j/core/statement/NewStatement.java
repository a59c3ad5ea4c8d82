package org.lrs4j.core.statement;

import java.time.Instant;
import java.util.Objects;
import org.lrs4j.core.model.Statement;

/**
 * A validated statement ready to store, with everything the repository needs to write it.
 *
 * @param statement the statement with {@code id}, {@code stored}, {@code authority}, {@code
 *     version} and {@code timestamp} set
 * @param json the statement serialized once; the repository stores and returns this text unchanged
 * @param stored the {@code stored} time
 * @param index the keys the query filters look statements up by
 */
public record NewStatement(Statement statement, String json, Instant stored, StatementIndex index) {

  public NewStatement {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(index, "index");
  }
}
