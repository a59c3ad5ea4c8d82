package org.lrs4j.core.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lrs4j.core.port.DocumentRepository;

/** A document repository in a map, for tests of the rules above the port. */
public final class InMemoryDocumentRepository implements DocumentRepository {

  private final Map<String, Document> documents = new TreeMap<>();

  @Override
  public synchronized Optional<Document> find(DocumentKey key) {
    return Optional.ofNullable(documents.get(address(key)));
  }

  @Override
  public synchronized List<DocumentSummary> list(DocumentScope scope, Instant since) {
    List<DocumentSummary> summaries = new ArrayList<>();
    for (Document document : documents.values()) {
      if (inScope(document, scope) && (since == null || document.updated().isAfter(since))) {
        summaries.add(new DocumentSummary(document.key().id(), document.updated()));
      }
    }
    return summaries;
  }

  @Override
  public synchronized Document write(
      DocumentKey key, Function<Optional<Document>, Document> change) {
    Document stored = change.apply(find(key));
    documents.put(address(key), stored);
    return stored;
  }

  @Override
  public synchronized boolean delete(DocumentKey key, Consumer<Optional<Document>> check) {
    check.accept(find(key));
    return documents.remove(address(key)) != null;
  }

  @Override
  public synchronized int deleteAll(DocumentScope scope) {
    List<DocumentSummary> doomed = list(scope, null);
    documents.values().removeIf(document -> inScope(document, scope));
    return doomed.size();
  }

  private boolean inScope(Document document, DocumentScope scope) {
    return list(scope, null).stream().anyMatch(summary -> summary.id().equals(document.key().id()))
        && document.key().scope().kind() == scope.kind();
  }

  private static String address(DocumentKey key) {
    return key.scope() + "|" + key.id();
  }
}
