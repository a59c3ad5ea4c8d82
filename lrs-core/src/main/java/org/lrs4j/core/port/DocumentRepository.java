package org.lrs4j.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lrs4j.core.document.Document;
import org.lrs4j.core.document.DocumentKey;
import org.lrs4j.core.document.DocumentScope;
import org.lrs4j.core.document.DocumentSummary;

/**
 * Port for storing State, Activity Profile and Agent Profile documents. Implementations must be
 * thread safe and must run each write's decision inside the transaction that stores it, with the
 * document's row locked, so that concurrent writers from several processes serialize correctly.
 */
public interface DocumentRepository {

  /** Finds one document. */
  Optional<Document> find(DocumentKey key);

  /**
   * Returns the ids of a scope's documents changed after {@code since} (every document when null),
   * in id order. For State without a registration this includes the documents of every
   * registration.
   */
  List<DocumentSummary> list(DocumentScope scope, Instant since);

  /**
   * Writes one document in a transaction: reads the current document with its row locked, passes it
   * to {@code change}, and stores what {@code change} returns. When {@code change} throws, nothing
   * is stored and the exception propagates unchanged.
   *
   * @return the stored document
   */
  Document write(DocumentKey key, Function<Optional<Document>, Document> change);

  /**
   * Deletes one document in a transaction: reads the current document with its row locked and
   * passes it to {@code check}, which throws to keep the document.
   *
   * @return true when a document was deleted
   */
  boolean delete(DocumentKey key, Consumer<Optional<Document>> check);

  /**
   * Deletes every document of a scope. For State without a registration this includes the documents
   * of every registration.
   *
   * @return the number of documents deleted
   */
  int deleteAll(DocumentScope scope);
}
