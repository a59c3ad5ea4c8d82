package org.lrs4j.core.document;

import org.lrs4j.core.port.DocumentRepository;
import org.lrs4j.core.port.DocumentRepositoryContract;

/** Keeps the in-memory fake honest: it must follow the same contract as the real repositories. */
class InMemoryDocumentRepositoryTest extends DocumentRepositoryContract {

  @Override
  protected DocumentRepository newRepository() {
    return new InMemoryDocumentRepository();
  }
}
