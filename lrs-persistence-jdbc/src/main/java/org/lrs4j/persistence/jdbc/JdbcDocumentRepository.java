package org.lrs4j.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.lrs4j.core.document.Document;
import org.lrs4j.core.document.DocumentKey;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.document.DocumentScope;
import org.lrs4j.core.document.DocumentSummary;
import org.lrs4j.core.port.DocumentRepository;

/**
 * Document repository over JDBI, in the {@code document} table. Each write reads the current row
 * with the dialect's row lock, applies the caller's decision and stores the result in one writer
 * transaction. Times are kept to the millisecond. Thread safe.
 */
final class JdbcDocumentRepository implements DocumentRepository {

  private static final String ABSENT = "";

  // When two writers both find no row, both insert it. The loser retries its whole transaction and
  // then reads the winner's row; a deadlock or serialization failure is retried the same way.
  // SQLite's single writer never takes these paths.
  private static final int MAX_ATTEMPTS = 5;

  private static final String KEY_CONDITION =
      "kind = :kind AND activity_id = :activityId AND agent = :agent"
          + " AND registration = :registration AND document_id = :id";

  private final Dialect dialect;
  private final Jdbi writer;
  private final Jdbi reader;

  JdbcDocumentRepository(Dialect dialect, Jdbi writer, Jdbi reader) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public Optional<Document> find(DocumentKey key) {
    return reader.withHandle(handle -> select(handle, key, ""));
  }

  @Override
  public List<DocumentSummary> list(DocumentScope scope, Instant since) {
    String sql =
        "SELECT document_id, updated_millis FROM document WHERE "
            + scopeCondition(scope)
            + (since == null ? "" : " AND updated_millis > :since")
            + " ORDER BY document_id";
    return reader.withHandle(
        handle -> {
          var query = bindScope(handle.createQuery(sql), scope);
          if (since != null) {
            // An instant between two milliseconds is after the earlier one, so the floor is right.
            query.bind("since", since.toEpochMilli());
          }
          return query
              .map(
                  (rs, ctx) ->
                      new DocumentSummary(
                          rs.getString("document_id"),
                          Instant.ofEpochMilli(rs.getLong("updated_millis"))))
              .list();
        });
  }

  @Override
  public Document write(DocumentKey key, Function<Optional<Document>, Document> change) {
    Objects.requireNonNull(change, "change");
    for (int attempt = 1; ; attempt++) {
      try {
        return writer.inTransaction(handle -> writeLocked(handle, key, change));
      } catch (InsertRaceLost e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException(
              "document "
                  + key.id()
                  + ": insert failed "
                  + attempt
                  + " times because a concurrent writer inserted it first",
              e);
        }
      } catch (JdbiException e) {
        if (attempt == MAX_ATTEMPTS || !dialect.isRetryableCause(e)) {
          throw e;
        }
      }
    }
  }

  @Override
  public boolean delete(DocumentKey key, Consumer<Optional<Document>> check) {
    Objects.requireNonNull(check, "check");
    return writer.inTransaction(
        handle -> {
          check.accept(select(handle, key, dialect.lockRowsForUpdate()));
          return bindKey(handle.createUpdate("DELETE FROM document WHERE " + KEY_CONDITION), key)
                  .execute()
              > 0;
        });
  }

  @Override
  public int deleteAll(DocumentScope scope) {
    return writer.inTransaction(
        handle ->
            bindScope(
                    handle.createUpdate("DELETE FROM document WHERE " + scopeCondition(scope)),
                    scope)
                .execute());
  }

  private Document writeLocked(
      Handle handle, DocumentKey key, Function<Optional<Document>, Document> change) {
    Optional<Document> current = select(handle, key, dialect.lockRowsForUpdate());
    Document next = change.apply(current);
    if (!next.key().equals(key)) {
      throw new IllegalArgumentException(
          "change: returned a document for " + next.key() + " instead of " + key);
    }

    if (current.isPresent()) {
      bindContent(
              bindKey(
                  handle.createUpdate(
                      "UPDATE document SET content = :content, content_type = :contentType,"
                          + " etag = :etag, updated_millis = :updated WHERE "
                          + KEY_CONDITION),
                  key),
              next)
          .execute();
      return next;
    }

    int inserted =
        bindContent(
                bindKey(
                    handle.createUpdate(
                        "INSERT INTO document (kind, activity_id, agent, registration,"
                            + " document_id, content, content_type, etag, updated_millis)"
                            + " VALUES (:kind, :activityId, :agent, :registration, :id,"
                            + " :content, :contentType, :etag, :updated)"
                            + " ON CONFLICT DO NOTHING"),
                    key),
                next)
            .execute();
    if (inserted == 0) {
      throw new InsertRaceLost();
    }
    return next;
  }

  private static Optional<Document> select(Handle handle, DocumentKey key, String lock) {
    return bindKey(
            handle.createQuery(
                "SELECT content, content_type, etag, updated_millis FROM document WHERE "
                    + KEY_CONDITION
                    + lock),
            key)
        .map((rs, ctx) -> toDocument(key, rs))
        .findOne();
  }

  private static String scopeCondition(DocumentScope scope) {
    String condition = "kind = :kind AND activity_id = :activityId AND agent = :agent";
    return scope.registration() == null
        ? condition
        : condition + " AND registration = :registration";
  }

  private static <S extends SqlStatement<S>> S bindScope(S statement, DocumentScope scope) {
    return statement
        .bind("kind", kindCode(scope.kind()))
        .bind("activityId", orAbsent(scope.activityId()))
        .bind("agent", orAbsent(scope.agent()))
        .bind("registration", registration(scope.registration()));
  }

  private static <S extends SqlStatement<S>> S bindKey(S statement, DocumentKey key) {
    return bindScope(statement, key.scope()).bind("id", key.id());
  }

  private static <S extends SqlStatement<S>> S bindContent(S statement, Document document) {
    return statement
        .bind("content", document.content())
        .bind("contentType", document.contentType())
        .bind("etag", document.etag())
        .bind("updated", document.updated().toEpochMilli());
  }

  private static Document toDocument(DocumentKey key, ResultSet rs) throws SQLException {
    return new Document(
        key,
        rs.getBytes("content"),
        rs.getString("content_type"),
        rs.getString("etag"),
        Instant.ofEpochMilli(rs.getLong("updated_millis")));
  }

  private static int kindCode(DocumentKind kind) {
    return switch (kind) {
      case STATE -> 1;
      case ACTIVITY_PROFILE -> 2;
      case AGENT_PROFILE -> 3;
    };
  }

  private static String orAbsent(String value) {
    return value == null ? ABSENT : value;
  }

  private static String registration(UUID registration) {
    return registration == null ? ABSENT : registration.toString();
  }

  /** Signals that a concurrent transaction inserted the row this one was about to insert. */
  private static final class InsertRaceLost extends RuntimeException {
    InsertRaceLost() {
      super("a concurrent writer inserted the document first", null, false, false);
    }
  }
}
