package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Writes one batch of statements inside a transaction the caller opened. Each step reads what the
 * previous steps wrote, so statements of the batch that refer to each other are handled the same
 * way as statements stored earlier.
 *
 * <p>Before it reads anything about a statement id, it takes the dialect's {@link
 * Dialect#lockStatementIds statement id lock} on it: first on the ids the batch inserts and the ids
 * they refer to, then on each further id of a StatementRef chain as it reaches it. So a voiding
 * statement or StatementRef and its target, written by concurrent transactions, are written one
 * after the other, and the later one sees the earlier one. Taking a chain's locks one by one can
 * deadlock with a transaction that walks the same chain from the other end; the database then
 * aborts one of them and the repository reruns it.
 *
 * <p>It runs plain JDBC on prepared statements that the transaction reuses across batches: binding
 * thousands of key rows through a mapping layer cost more than the inserts themselves.
 */
final class StatementBatchWrite {

  private static final String INSERT_STATEMENT =
      "INSERT INTO statement (id, stored_millis, statement_ref, voiding, voided, json)"
          + " VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING";
  private static final String INSERT_KEY =
      "INSERT INTO statement_key (kind, key_value, seq) VALUES (?, ?, ?)";
  private static final String INSERT_INHERITED_KEY =
      INSERT_KEY + " ON CONFLICT (kind, key_value, seq) DO NOTHING";

  private final SqlStatements sql;
  private final Dialect dialect;
  private final ObjectMapper mapper;
  private final StatementJsonCodec json;
  private final Map<UUID, NewStatement> fresh = new HashMap<>();
  private final Map<UUID, Long> sequences = new HashMap<>();
  private final Map<UUID, Set<StatementKey>> keysById = new HashMap<>();
  private final Set<UUID> locked = new HashSet<>();
  private List<NewStatement> batch = List.of();

  StatementBatchWrite(SqlStatements sql, Dialect dialect, ObjectMapper mapper) {
    this.sql = sql;
    this.dialect = dialect;
    this.mapper = mapper;
    this.json = dialect.statementJson();
  }

  /**
   * Stores the batch, or throws and leaves the transaction to be rolled back. Returns the
   * statements it wrote, leaving out those already stored.
   */
  List<NewStatement> store(List<NewStatement> batch, StatementEquivalence equivalence) {
    this.batch = batch;
    try {
      lock(idsAndTargets(batch));
      List<NewStatement> unstored = keepUnstored(batch, equivalence);
      if (unstored.isEmpty()) {
        return unstored;
      }
      List<NewStatement> inserted = insertStatements(unstored, equivalence);
      if (inserted.isEmpty()) {
        return inserted;
      }

      rejectVoidingOfVoiding(inserted);
      markVoided(inserted);

      insertKeys(inserted);
      propagateKeysToReferrers(inserted);
      return inserted;
    } catch (SQLException e) {
      throw new IllegalStateException("storing a statement batch failed: " + e.getMessage(), e);
    }
  }

  private static Set<UUID> idsAndTargets(List<NewStatement> batch) {
    Set<UUID> ids = new HashSet<>();
    for (NewStatement statement : batch) {
      ids.add(statement.statement().id());
      statement.statement().voidingTarget().ifPresent(ids::add);
      if (statement.index().statementRef() != null) {
        ids.add(statement.index().statementRef());
      }
    }
    return ids;
  }

  /** Takes the statement id locks this transaction does not hold yet. */
  private void lock(Set<UUID> ids) throws SQLException {
    List<UUID> missing = ids.stream().filter(id -> !locked.contains(id)).toList();
    if (!missing.isEmpty()) {
      dialect.lockStatementIds(sql, missing);
      locked.addAll(missing);
    }
  }

  /**
   * Returns the statements whose id is not stored yet, and throws when a stored one differs from
   * its incoming statement.
   */
  private List<NewStatement> keepUnstored(List<NewStatement> batch, StatementEquivalence rule)
      throws SQLException {
    Map<UUID, String> storedJson = storedJson(batch.stream().map(s -> s.statement().id()).toList());
    if (storedJson.isEmpty()) {
      return batch;
    }

    List<NewStatement> unstored = new ArrayList<>();
    for (NewStatement statement : batch) {
      UUID id = statement.statement().id();
      String stored = storedJson.get(id);
      if (stored == null) {
        unstored.add(statement);
        continue;
      }
      Optional<String> difference = rule.difference(parse(stored), statement.statement().json());
      if (difference.isPresent()) {
        throw conflict(statement, difference.get());
      }
    }
    return unstored;
  }

  private ConflictException conflict(NewStatement statement, String path) {
    String position = batch.size() > 1 ? "[" + batch.indexOf(statement) + "]." : "";
    String where = path.isEmpty() ? "" : "; first difference at " + path;
    return new ConflictException(
        position
            + "id: a different statement is already stored with this id (value: "
            + statement.statement().id()
            + ")"
            + where);
  }

  private Map<UUID, String> storedJson(List<UUID> ids) throws SQLException {
    Map<UUID, String> storedJson = new HashMap<>();
    for (List<UUID> chunk : chunks(ids)) {
      PreparedStatement select = inList("SELECT id, json FROM statement WHERE id IN (%s)", chunk);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          storedJson.put(UUID.fromString(rows.getString(1)), json.decode(rows, 2));
        }
      }
    }
    return storedJson;
  }

  /**
   * Inserts the statements and returns those this transaction inserted. A statement whose id
   * another transaction committed meanwhile is skipped by {@code ON CONFLICT}, after waiting for
   * that transaction, and then checked against the stored one like a statement stored earlier.
   */
  private List<NewStatement> insertStatements(
      List<NewStatement> statements, StatementEquivalence rule) throws SQLException {
    PreparedStatement insert = sql.prepare(INSERT_STATEMENT);
    for (NewStatement statement : statements) {
      UUID ref = statement.index().statementRef();
      insert.setObject(1, dialect.uuid(statement.statement().id()));
      insert.setLong(2, statement.stored().toEpochMilli());
      if (ref == null) {
        insert.setNull(3, Types.OTHER);
      } else {
        insert.setObject(3, dialect.uuid(ref));
      }
      insert.setInt(4, statement.statement().isVoiding() ? 1 : 0);
      insert.setObject(5, json.encode(statement.json()));
      insert.addBatch();
    }
    int[] counts = insert.executeBatch();

    List<NewStatement> inserted = new ArrayList<>();
    List<NewStatement> skipped = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      (counts[i] == 0 ? skipped : inserted).add(statements.get(i));
    }
    if (!skipped.isEmpty()) {
      keepUnstored(skipped, rule);
    }

    inserted.forEach(statement -> fresh.put(statement.statement().id(), statement));
    List<UUID> ids = inserted.stream().map(s -> s.statement().id()).toList();
    for (List<UUID> chunk : chunks(ids)) {
      PreparedStatement select = inList("SELECT id, seq FROM statement WHERE id IN (%s)", chunk);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sequences.put(UUID.fromString(rows.getString(1)), rows.getLong(2));
        }
      }
    }
    return inserted;
  }

  private void rejectVoidingOfVoiding(List<NewStatement> statements) throws SQLException {
    for (List<UUID> chunk : chunks(voidingTargets(statements))) {
      PreparedStatement select =
          inList("SELECT id FROM statement WHERE id IN (%s) AND voiding = 1", chunk);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          throw new InvalidRequestException(
              "object.id: a voiding statement cannot void another voiding statement (value: "
                  + rows.getString(1)
                  + ")");
        }
      }
    }
  }

  private void markVoided(List<NewStatement> statements) throws SQLException {
    for (List<UUID> chunk : chunks(voidingTargets(statements))) {
      inList("UPDATE statement SET voided = 1 WHERE id IN (%s) AND voiding = 0", chunk)
          .executeUpdate();
    }

    // A target that arrives after its voiding statement is voided on arrival. A voiding statement
    // that arrives after a statement voiding it stays valid, because voiding it has no effect.
    List<UUID> ids = statements.stream().map(s -> s.statement().id()).toList();
    for (List<UUID> chunk : chunks(ids)) {
      inList(
              "UPDATE statement SET voided = 1 WHERE id IN (%s) AND voiding = 0 AND EXISTS"
                  + " (SELECT 1 FROM statement v WHERE v.statement_ref = statement.id"
                  + " AND v.voiding = 1)",
              chunk)
          .executeUpdate();
    }
  }

  private void insertKeys(List<NewStatement> statements) throws SQLException {
    PreparedStatement insert = sql.prepare(INSERT_KEY);
    for (NewStatement statement : statements) {
      long seq = sequences.get(statement.statement().id());
      Set<StatementKey> keys = new LinkedHashSet<>(StatementKey.of(statement.index()));
      UUID target = statement.index().statementRef();
      if (target != null) {
        keys.addAll(inheritedKeys(target));
      }
      for (StatementKey key : keys) {
        addKey(insert, key, seq);
      }
      keysById.put(statement.statement().id(), keys);
    }
    insert.executeBatch();
  }

  /** Returns every key of the statement with the given id and of the statements it refers to. */
  private Set<StatementKey> inheritedKeys(UUID target) throws SQLException {
    Set<StatementKey> keys = new LinkedHashSet<>();
    Set<UUID> visited = new HashSet<>();
    UUID next = target;
    while (next != null && visited.add(next)) {
      lock(Set.of(next));
      Optional<StatementIndex> index = indexOf(next);
      if (index.isEmpty()) {
        break;
      }
      keys.addAll(StatementKey.of(index.get()));
      next = index.get().statementRef();
    }
    return keys;
  }

  private Optional<StatementIndex> indexOf(UUID id) throws SQLException {
    NewStatement inBatch = fresh.get(id);
    if (inBatch != null) {
      return Optional.of(inBatch.index());
    }
    PreparedStatement select = sql.prepare("SELECT json FROM statement WHERE id = ?");
    select.setObject(1, dialect.uuid(id));
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      String text = json.decode(rows, 1);
      return Optional.of(StatementIndex.of(new Statement((ObjectNode) parse(text))));
    }
  }

  /**
   * Copies the keys of each new statement to the statements stored earlier that refer to it, and on
   * to the statements that refer to those.
   */
  private void propagateKeysToReferrers(List<NewStatement> statements) throws SQLException {
    List<UUID> ids = statements.stream().map(s -> s.statement().id()).toList();
    Map<UUID, List<Referrer>> referrersById = referrersOf(ids);
    if (referrersById.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(INSERT_INHERITED_KEY);
    boolean added = false;
    for (Map.Entry<UUID, List<Referrer>> entry : referrersById.entrySet()) {
      added |= pushKeys(insert, keysById.get(entry.getKey()), entry.getValue());
    }
    if (added) {
      insert.executeBatch();
    }
  }

  private boolean pushKeys(PreparedStatement insert, Set<StatementKey> keys, List<Referrer> first)
      throws SQLException {
    Deque<Referrer> pending = new ArrayDeque<>(first);
    Set<Long> visited = new HashSet<>();
    boolean added = false;
    while (!pending.isEmpty()) {
      Referrer referrer = pending.removeFirst();
      // A new statement already holds the keys of everything it refers to.
      if (fresh.containsKey(referrer.id()) || !visited.add(referrer.seq())) {
        continue;
      }
      for (StatementKey key : keys) {
        addKey(insert, key, referrer.seq());
        added = true;
      }
      lock(Set.of(referrer.id()));
      pending.addAll(referrersOf(List.of(referrer.id())).getOrDefault(referrer.id(), List.of()));
    }
    return added;
  }

  private record Referrer(long seq, UUID id, UUID target) {}

  private Map<UUID, List<Referrer>> referrersOf(List<UUID> targets) throws SQLException {
    Map<UUID, List<Referrer>> referrers = new HashMap<>();
    for (List<UUID> chunk : chunks(targets)) {
      PreparedStatement select =
          inList("SELECT seq, id, statement_ref FROM statement WHERE statement_ref IN (%s)", chunk);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Referrer referrer =
              new Referrer(
                  rows.getLong(1),
                  UUID.fromString(rows.getString(2)),
                  UUID.fromString(rows.getString(3)));
          referrers.computeIfAbsent(referrer.target(), id -> new ArrayList<>()).add(referrer);
        }
      }
    }
    return referrers;
  }

  private static void addKey(PreparedStatement insert, StatementKey key, long seq)
      throws SQLException {
    insert.setInt(1, key.kind().code());
    insert.setString(2, key.value());
    insert.setLong(3, seq);
    insert.addBatch();
  }

  /** Prepares the query with its {@code %s} replaced by one marker per id, and binds the ids. */
  private PreparedStatement inList(String template, List<UUID> ids) throws SQLException {
    PreparedStatement statement =
        sql.prepare(template.formatted(SqlStatements.markers(ids.size())));
    SqlStatements.bindAll(statement, 1, ids.stream().map(dialect::uuid).toList());
    return statement;
  }

  private static List<UUID> voidingTargets(List<NewStatement> statements) {
    return statements.stream()
        .map(statement -> statement.statement().voidingTarget())
        .flatMap(Optional::stream)
        .toList();
  }

  private <T> List<List<T>> chunks(List<T> values) {
    int size = dialect.maxInListSize();
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < values.size(); start += size) {
      chunks.add(values.subList(start, Math.min(values.size(), start + size)));
    }
    return chunks;
  }

  private JsonNode parse(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored statement is not valid JSON", e);
    }
  }
}
