package org.lrs4j.core.document;

import java.util.Objects;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * The full address of one document: its owner and its id.
 *
 * @param scope the owner
 * @param id the {@code stateId} or {@code profileId}
 */
public record DocumentKey(DocumentScope scope, String id) {

  public DocumentKey {
    Objects.requireNonNull(scope, "scope");
    if (id == null || id.isEmpty()) {
      throw new InvalidRequestException(
          scope.kind().idParameter() + ": missing, and required for this request");
    }
  }
}
