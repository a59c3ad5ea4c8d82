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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Statement repository over JDBI. Writes go through the writer pool, one transaction per batch;
 * reads go through the reader pool and see the last committed state. Thread safe.
 */
final class JdbcStatementRepository implements StatementRepository {

  private final Dialect dialect;
  private final Jdbi writer;
  private final Jdbi reader;
  private final ObjectMapper mapper = new ObjectMapper();
  private final InFlightWrites inFlight = new InFlightWrites();
  private final Clock clock;

  JdbcStatementRepository(Dialect dialect, Jdbi writer, Jdbi reader) {
    this(dialect, writer, reader, Clock.systemUTC());
  }

  JdbcStatementRepository(Dialect dialect, Jdbi writer, Jdbi reader, Clock clock) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void store(List<NewStatement> batch, StatementEquivalence equivalence) {
    Objects.requireNonNull(equivalence, "equivalence");
    if (batch.isEmpty()) {
      return;
    }
    Instant oldest = batch.stream().map(NewStatement::stored).min(Comparator.naturalOrder()).get();

    try (InFlightWrites.Write write = inFlight.begin(oldest)) {
      writer.useTransaction(
          handle -> {
            List<NewStatement> written =
                new StatementBatchWrite(handle, dialect, mapper).store(batch, equivalence);
            new ActivityAndAgentWrite(handle, dialect, mapper).record(written);
          });
    }
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
                .map(JdbcStatementRepository::toStoredStatement)
                .findOne());
  }

  @Override
  public StatementPage find(StatementFilter filter, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    StatementQuerySql query = StatementQuerySql.of(dialect, filter, limit + 1);

    List<StoredStatement> rows =
        reader.withHandle(
            handle ->
                handle
                    .createQuery(query.sql())
                    .bindMap(query.parameters())
                    .map(JdbcStatementRepository::toStoredStatement)
                    .list());

    if (rows.size() <= limit) {
      return new StatementPage(rows, Optional.empty());
    }
    List<StoredStatement> page = rows.subList(0, limit);
    return new StatementPage(page, Optional.of(page.get(limit - 1).sequence()));
  }

  /**
   * Returns the current time, or just before the oldest {@code stored} time of a batch this
   * repository is still writing.
   *
   * <p>This holds on SQLite because every write of the database goes through this repository's one
   * writer connection: a batch that is not in flight has committed, and a committed statement is
   * visible to every read that starts afterwards.
   *
   * <p>NOTE: the statement service reads its clock for {@code stored} just before it calls {@link
   * #store}, so for that short moment a batch is not yet registered here; and a second process
   * writing the same SQLite file is not seen at all.
   */
  @Override
  public Instant consistentThrough() {
    Instant now = clock.instant();
    return inFlight
        .oldest()
        .map(oldest -> oldest.minusMillis(1))
        .filter(bound -> bound.isBefore(now))
        .orElse(now);
  }

  private static StoredStatement toStoredStatement(ResultSet rs, StatementContext context)
      throws SQLException {
    return new StoredStatement(
        rs.getLong("seq"),
        UUID.fromString(rs.getString("id")),
        rs.getString("json"),
        Instant.ofEpochMilli(rs.getLong("stored_millis")),
        rs.getInt("voided") != 0);
  }
}
