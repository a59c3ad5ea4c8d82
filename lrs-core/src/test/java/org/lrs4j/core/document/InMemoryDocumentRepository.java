package org.lrs4j.core.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    summaries.sort((a, b) -> a.id().compareTo(b.id()));
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
    int before = documents.size();
    documents.values().removeIf(document -> inScope(document, scope));
    return before - documents.size();
  }

  /** Returns true when the document belongs to the scope; a scope without registration has all. */
  private static boolean inScope(Document document, DocumentScope scope) {
    DocumentScope owner = document.key().scope();
    return owner.kind() == scope.kind()
        && Objects.equals(owner.activityId(), scope.activityId())
        && Objects.equals(owner.agent(), scope.agent())
        && (scope.registration() == null
            || Objects.equals(owner.registration(), scope.registration()));
  }

  private static String address(DocumentKey key) {
    return key.scope() + "|" + key.id();
  }
}
