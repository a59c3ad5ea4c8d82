package org.lrs4j.core.statement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A statement as the repository holds it.
 *
 * @param sequence position in the order the repository stored statements; a cursor compares these
 * @param id the statement id
 * @param json the statement text exactly as stored, and as returned for {@code format=exact}
 * @param stored the {@code stored} time of the statement
 * @param voided true when a voiding statement targets this one
 */
public record StoredStatement(long sequence, UUID id, String json, Instant stored, boolean voided) {

  public StoredStatement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(stored, "stored");
  }
}
