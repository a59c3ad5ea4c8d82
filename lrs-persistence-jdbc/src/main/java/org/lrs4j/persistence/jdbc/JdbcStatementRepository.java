package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.lrs4j.core.attachment.AttachmentContent;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statement repository over JDBI. Writes go through the writer pool, all or nothing per batch, and
 * register with the dialect's {@link StatementWatermark} inside their transaction. Where the
 * dialect {@link Dialect#groupsWrites groups writes}, batches that arrive while another is being
 * written share one transaction (see {@link GroupCommit}); elsewhere each batch has its own
 * transaction, rerun from the start when the database aborts it for a deadlock or a serialization
 * failure. Reads go through the reader pool and return only statements that the watermark reports
 * settled. Thread safe.
 */
final class JdbcStatementRepository implements StatementRepository {

  private static final Logger log = LoggerFactory.getLogger(JdbcStatementRepository.class);

  /** Attempts of one batch, the first included, before a retryable failure is thrown. */
  static final int MAX_ATTEMPTS = 8;

  private final Dialect dialect;
  private final Jdbi writer;
  private final Jdbi reader;
  private final ObjectMapper mapper = new ObjectMapper();
  private final StatementWatermark watermark;
  private final GroupCommit groupCommit;

  JdbcStatementRepository(Dialect dialect, Jdbi writer, Jdbi reader) {
    this(dialect, writer, reader, Clock.systemUTC());
  }

  JdbcStatementRepository(Dialect dialect, Jdbi writer, Jdbi reader, Clock clock) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.watermark = dialect.statementWatermark(Objects.requireNonNull(clock, "clock"));
    this.groupCommit = new GroupCommit(writer, watermark::enterTransaction);
  }

  @Override
  public void store(List<NewStatement> batch, StatementEquivalence equivalence) {
    store(batch, List.of(), equivalence);
  }

  @Override
  public void store(
      List<NewStatement> batch,
      List<AttachmentContent> attachments,
      StatementEquivalence equivalence) {
    Objects.requireNonNull(equivalence, "equivalence");
    if (batch.isEmpty()) {
      return;
    }
    Instant oldest = batch.stream().map(NewStatement::stored).min(Comparator.naturalOrder()).get();

    GroupCommit.BatchWriter work =
        (handle, sql) -> {
          List<NewStatement> written =
              new StatementBatchWrite(sql, dialect, mapper).store(batch, equivalence);
          new ActivityAndAgentWrite(handle, dialect, mapper).record(written);
          AttachmentSql.insert(handle, attachments);
        };
    try (StatementWatermark.Registration registration = watermark.register(oldest)) {
      if (dialect.groupsWrites()) {
        groupCommit.write(oldest, batch.size(), work);
      } else {
        storeAlone(oldest, batch.size(), work);
      }
    }
  }

  /** Writes one batch in its own transaction, and reruns it when the failure is retryable. */
  private void storeAlone(Instant oldest, int size, GroupCommit.BatchWriter work) {
    for (int attempt = 1; ; attempt++) {
      try {
        writer.useTransaction(
            handle -> {
              watermark.enterTransaction(handle, oldest);
              try (SqlStatements sql = new SqlStatements(handle.getConnection())) {
                work.write(handle, sql);
              }
            });
        return;
      } catch (SQLException e) {
        throw new IllegalStateException("closing the statements of a write failed", e);
      } catch (RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !dialect.isRetryableCause(e)) {
          throw e;
        }
        log.info(
            "Retrying a batch of {} statements after attempt {} failed: {}",
            size,
            attempt,
            e.getCause() == null ? e.toString() : e.getCause().toString());
        pause(attempt);
      }
    }
  }

  @Override
  public Optional<AttachmentContent> findAttachment(String sha2) {
    return AttachmentSql.find(reader, sha2);
  }

  @Override
  public Optional<StoredStatement> findById(UUID id) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT s.seq, s.id, s.json, s.stored_millis, s.voided FROM statement s"
                        + " WHERE s.id = :id")
                .bind("id", dialect.uuid(id))
                .map(this::toStoredStatement)
                .findOne());
  }

  @Override
  public StatementPage find(StatementFilter filter, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }

    List<StoredStatement> rows =
        reader.withHandle(
            handle -> {
              long maxSequence = watermark.read(handle).maxSequence();
              StatementQuerySql query =
                  StatementQuerySql.of(dialect, filter, limit + 1, maxSequence);
              return handle
                  .createQuery(query.sql())
                  .bindMap(query.parameters())
                  .map(this::toStoredStatement)
                  .list();
            });

    if (rows.size() <= limit) {
      return new StatementPage(rows, Optional.empty());
    }
    List<StoredStatement> page = rows.subList(0, limit);
    return new StatementPage(page, Optional.of(page.get(limit - 1).sequence()));
  }

  /** Returns the time the dialect's {@link StatementWatermark} reports settled. */
  @Override
  public Instant consistentThrough() {
    return reader.withHandle(handle -> watermark.read(handle).consistentThrough());
  }

  /** Waits a short random time that grows with the attempt, so two rerun writers drift apart. */
  private static void pause(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to rerun a statement batch", e);
    }
  }

  private StoredStatement toStoredStatement(ResultSet rs, StatementContext context)
      throws SQLException {
    return new StoredStatement(
        rs.getLong("seq"),
        UUID.fromString(rs.getString("id")),
        dialect.statementJson().decode(rs, rs.findColumn("json")),
        Instant.ofEpochMilli(rs.getLong("stored_millis")),
        rs.getInt("voided") != 0);
  }
}
