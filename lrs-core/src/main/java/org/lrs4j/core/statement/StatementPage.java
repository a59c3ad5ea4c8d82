package org.lrs4j.core.statement;

import java.util.List;
import java.util.Optional;

/**
 * One page of a statement query.
 *
 * @param statements the statements in query order
 * @param next sequence to continue after, present only when more statements may match
 */
public record StatementPage(List<StoredStatement> statements, Optional<Long> next) {

  public StatementPage {
    statements = List.copyOf(statements);
  }
}
