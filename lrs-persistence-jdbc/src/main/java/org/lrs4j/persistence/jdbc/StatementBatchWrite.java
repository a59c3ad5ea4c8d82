package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
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
 */
final class StatementBatchWrite {

  private static final String INSERT_KEY =
      "INSERT INTO statement_key (kind, key_value, seq) VALUES (:kind, :value, :seq)";

  private final Handle handle;
  private final Dialect dialect;
  private final ObjectMapper mapper;
  private final Map<UUID, NewStatement> fresh = new HashMap<>();
  private final Map<UUID, Long> sequences = new HashMap<>();
  private final Map<UUID, Set<StatementKey>> keysById = new HashMap<>();

  StatementBatchWrite(Handle handle, Dialect dialect, ObjectMapper mapper) {
    this.handle = handle;
    this.dialect = dialect;
    this.mapper = mapper;
  }

  /**
   * Stores the batch, or throws and leaves the transaction to be rolled back. Returns the
   * statements it wrote, leaving out those already stored.
   */
  List<NewStatement> store(List<NewStatement> batch, StatementEquivalence equivalence) {
    List<NewStatement> unstored = skipStored(batch, equivalence);
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
  }

  private List<NewStatement> skipStored(List<NewStatement> batch, StatementEquivalence rule) {
    Map<UUID, String> storedJson = storedJson(batch.stream().map(s -> s.statement().id()).toList());
    if (storedJson.isEmpty()) {
      return batch;
    }

    return keepUnstored(batch, storedJson, rule);
  }

  /**
   * Returns the statements without stored JSON, and throws when a stored one differs from its
   * incoming statement.
   */
  private List<NewStatement> keepUnstored(
      List<NewStatement> batch, Map<UUID, String> storedJson, StatementEquivalence rule) {
    List<NewStatement> unstored = new ArrayList<>();
    for (NewStatement statement : batch) {
      UUID id = statement.statement().id();
      String stored = storedJson.get(id);
      if (stored == null) {
        unstored.add(statement);
      } else if (!rule.same(parse(stored), statement.statement().json())) {
        throw new ConflictException(
            "id: a different statement is already stored with this id (value: " + id + ")");
      }
    }
    return unstored;
  }

  private Map<UUID, String> storedJson(List<UUID> ids) {
    Map<UUID, String> storedJson = new HashMap<>();
    for (List<UUID> chunk : chunks(ids)) {
      handle
          .createQuery("SELECT id, json FROM statement WHERE id IN (<ids>)")
          .bindList("ids", uuids(chunk))
          .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2)))
          .forEach(entry -> storedJson.put(entry.getKey(), entry.getValue()));
    }
    return storedJson;
  }

  /**
   * Inserts the statements and returns those this transaction inserted. A statement whose id
   * another transaction committed meanwhile is skipped by {@code ON CONFLICT}, after waiting for
   * that transaction, and then checked against the stored one like a statement stored earlier.
   */
  private List<NewStatement> insertStatements(
      List<NewStatement> statements, StatementEquivalence rule) {
    PreparedBatch insert =
        handle.prepareBatch(
            "INSERT INTO statement (id, stored_millis, statement_ref, voiding, voided, json)"
                + " VALUES (:id, :stored, :ref, :voiding, 0, :json) ON CONFLICT (id) DO NOTHING");
    for (NewStatement statement : statements) {
      insert
          .bind("ref", nullableUuid(statement.index().statementRef()))
          .bind("id", dialect.uuid(statement.statement().id()))
          .bind("stored", statement.stored().toEpochMilli())
          .bind("voiding", statement.statement().isVoiding() ? 1 : 0)
          .bind("json", statement.json())
          .add();
    }
    int[] counts = insert.execute();

    List<NewStatement> inserted = new ArrayList<>();
    List<NewStatement> skipped = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      (counts[i] == 0 ? skipped : inserted).add(statements.get(i));
    }
    if (!skipped.isEmpty()) {
      Map<UUID, String> storedJson =
          storedJson(skipped.stream().map(s -> s.statement().id()).toList());
      keepUnstored(skipped, storedJson, rule);
    }

    inserted.forEach(statement -> fresh.put(statement.statement().id(), statement));
    for (List<UUID> ids : chunks(List.copyOf(fresh.keySet()))) {
      handle
          .createQuery("SELECT id, seq FROM statement WHERE id IN (<ids>)")
          .bindList("ids", uuids(ids))
          .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getLong(2)))
          .forEach(entry -> sequences.put(entry.getKey(), entry.getValue()));
    }
    return inserted;
  }

  private void rejectVoidingOfVoiding(List<NewStatement> statements) {
    List<UUID> targets = voidingTargets(statements);
    for (List<UUID> chunk : chunks(targets)) {
      Optional<String> voidingTarget =
          handle
              .createQuery("SELECT id FROM statement WHERE id IN (<ids>) AND voiding = 1")
              .bindList("ids", uuids(chunk))
              .mapTo(String.class)
              .findFirst();
      if (voidingTarget.isPresent()) {
        throw new InvalidRequestException(
            "object.id: a voiding statement cannot void another voiding statement (value: "
                + voidingTarget.get()
                + ")");
      }
    }
  }

  private void markVoided(List<NewStatement> statements) {
    List<UUID> targets = voidingTargets(statements);
    for (List<UUID> chunk : chunks(targets)) {
      handle
          .createUpdate("UPDATE statement SET voided = 1 WHERE id IN (<ids>) AND voiding = 0")
          .bindList("ids", uuids(chunk))
          .execute();
    }

    // A target that arrives after its voiding statement is voided on arrival. A voiding statement
    // that arrives after a statement voiding it stays valid, because voiding it has no effect.
    for (List<UUID> chunk : chunks(List.copyOf(fresh.keySet()))) {
      handle
          .createUpdate(
              "UPDATE statement SET voided = 1 WHERE id IN (<ids>) AND voiding = 0 AND EXISTS"
                  + " (SELECT 1 FROM statement v WHERE v.statement_ref = statement.id"
                  + " AND v.voiding = 1)")
          .bindList("ids", uuids(chunk))
          .execute();
    }
  }

  private void insertKeys(List<NewStatement> statements) {
    PreparedBatch insert = handle.prepareBatch(INSERT_KEY);
    for (NewStatement statement : statements) {
      long seq = sequences.get(statement.statement().id());
      Set<StatementKey> keys = new LinkedHashSet<>(StatementKey.of(statement.index()));
      keys.addAll(inheritedKeys(statement.index().statementRef()));
      keys.forEach(key -> addKey(insert, key, seq));
      keysById.put(statement.statement().id(), keys);
    }
    insert.execute();
  }

  /** Returns every key of the statement with the given id and of the statements it refers to. */
  private Set<StatementKey> inheritedKeys(UUID target) {
    Set<StatementKey> keys = new LinkedHashSet<>();
    Set<UUID> visited = new HashSet<>();
    UUID next = target;
    while (next != null && visited.add(next)) {
      Optional<StatementIndex> index = indexOf(next);
      if (index.isEmpty()) {
        break;
      }
      keys.addAll(StatementKey.of(index.get()));
      next = index.get().statementRef();
    }
    return keys;
  }

  private Optional<StatementIndex> indexOf(UUID id) {
    NewStatement inBatch = fresh.get(id);
    if (inBatch != null) {
      return Optional.of(inBatch.index());
    }
    return handle
        .createQuery("SELECT json FROM statement WHERE id = :id")
        .bind("id", dialect.uuid(id))
        .mapTo(String.class)
        .findOne()
        .map(json -> StatementIndex.of(new Statement((ObjectNode) parse(json))));
  }

  /**
   * Copies the keys of each new statement to the statements stored earlier that refer to it, and on
   * to the statements that refer to those.
   */
  private void propagateKeysToReferrers(List<NewStatement> statements) {
    List<UUID> ids = statements.stream().map(s -> s.statement().id()).toList();
    Map<UUID, List<Referrer>> referrersById = referrersOf(ids);
    if (referrersById.isEmpty()) {
      return;
    }
    PreparedBatch insert =
        handle.prepareBatch(INSERT_KEY + " ON CONFLICT (kind, key_value, seq) DO NOTHING");
    for (Map.Entry<UUID, List<Referrer>> entry : referrersById.entrySet()) {
      pushKeys(insert, keysById.get(entry.getKey()), entry.getValue());
    }
    if (insert.size() > 0) {
      insert.execute();
    }
  }

  private void pushKeys(PreparedBatch insert, Set<StatementKey> keys, List<Referrer> first) {
    Deque<Referrer> pending = new ArrayDeque<>(first);
    Set<Long> visited = new HashSet<>();
    while (!pending.isEmpty()) {
      Referrer referrer = pending.removeFirst();
      // A new statement already holds the keys of everything it refers to.
      if (fresh.containsKey(referrer.id()) || !visited.add(referrer.seq())) {
        continue;
      }
      keys.forEach(key -> addKey(insert, key, referrer.seq()));
      pending.addAll(referrersOf(List.of(referrer.id())).getOrDefault(referrer.id(), List.of()));
    }
  }

  private record Referrer(long seq, UUID id, UUID target) {}

  private Map<UUID, List<Referrer>> referrersOf(List<UUID> targets) {
    Map<UUID, List<Referrer>> referrers = new HashMap<>();
    for (List<UUID> chunk : chunks(targets)) {
      handle
          .createQuery(
              "SELECT seq, id, statement_ref FROM statement WHERE statement_ref IN (<ids>)")
          .bindList("ids", uuids(chunk))
          .map(
              (rs, ctx) ->
                  new Referrer(
                      rs.getLong(1),
                      UUID.fromString(rs.getString(2)),
                      UUID.fromString(rs.getString(3))))
          .forEach(
              referrer ->
                  referrers
                      .computeIfAbsent(referrer.target(), id -> new ArrayList<>())
                      .add(referrer));
    }
    return referrers;
  }

  private static void addKey(PreparedBatch insert, StatementKey key, long seq) {
    insert.bind("kind", key.kind().code()).bind("value", key.value()).bind("seq", seq).add();
  }

  private static List<UUID> voidingTargets(List<NewStatement> statements) {
    return statements.stream()
        .map(statement -> statement.statement().voidingTarget())
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Returns an argument of one class for null and non-null values, because a prepared batch keeps
   * the binding of its first row. A null is bound untyped, so that PostgreSQL takes the type from
   * the uuid column.
   */
  private Argument nullableUuid(UUID id) {
    Object value = id == null ? null : dialect.uuid(id);
    return (position, statement, context) -> {
      if (value == null) {
        statement.setNull(position, Types.OTHER);
      } else {
        statement.setObject(position, value);
      }
    };
  }

  private List<Object> uuids(List<UUID> ids) {
    return ids.stream().map(dialect::uuid).toList();
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
