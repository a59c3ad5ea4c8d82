package org.lrs4j.core.document;

import java.time.Instant;
import java.util.Objects;

/**
 * The id and change time of one document, as the list of ids returns them.
 *
 * @param id the document id
 * @param updated when the document last changed
 */
public record DocumentSummary(String id, Instant updated) {

  public DocumentSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(updated, "updated");
  }
}
