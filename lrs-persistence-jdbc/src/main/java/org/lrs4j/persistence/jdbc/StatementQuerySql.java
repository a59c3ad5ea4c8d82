package org.lrs4j.persistence.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrs4j.core.statement.StatementFilter;

/**
 * SQL of one statement query with its parameters.
 *
 * <p>With a key filter, the query walks the {@code statement_key} primary key of one key, which is
 * already in sequence order, and checks every other key with a primary key lookup. Without one, it
 * walks the statement table's sequence; with {@code since} or {@code until} it adds the dialect's
 * {@link Dialect#storedTimeSequenceBounds sequence bounds} for the time range.
 *
 * @param sql the query text, with named parameters
 * @param parameters the value of each named parameter
 */
record StatementQuerySql(String sql, Map<String, Object> parameters) {

  private static final String COLUMNS = "s.seq, s.id, s.json, s.stored_millis, s.voided";

  /** Builds the query for a filter that returns at most {@code fetchSize} rows. */
  static StatementQuerySql of(Dialect dialect, StatementFilter filter, int fetchSize) {
    return of(dialect, filter, fetchSize, Long.MAX_VALUE);
  }

  /**
   * Builds the query for a filter that returns at most {@code fetchSize} rows, none with a sequence
   * above {@code maxSequence}.
   */
  static StatementQuerySql of(
      Dialect dialect, StatementFilter filter, int fetchSize, long maxSequence) {
    List<StatementKey> keys = keysOf(filter);
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    String seqColumn;
    String from;

    if (keys.isEmpty()) {
      seqColumn = "s.seq";
      boolean timeRange = filter.since() != null || filter.until() != null;
      from = timeRange ? dialect.statementsByStoredTime() : "statement s";
      conditions.addAll(
          dialect.storedTimeSequenceBounds(filter.since() != null, filter.until() != null));
    } else {
      seqColumn = "k0.seq";
      // CROSS JOIN makes SQLite keep k0 as the outer loop, so rows come in index order and the
      // LIMIT stops the walk early; PostgreSQL treats it as an inner join.
      from = "statement_key k0 CROSS JOIN statement s";
      conditions.add("k0.kind = :kind0 AND k0.key_value = :key0 AND s.seq = k0.seq");
      parameters.put("kind0", keys.get(0).kind().code());
      parameters.put("key0", keys.get(0).value());
      for (int i = 1; i < keys.size(); i++) {
        conditions.add(
            "EXISTS (SELECT 1 FROM statement_key k%d WHERE k%d.kind = :kind%d".formatted(i, i, i)
                + " AND k%d.key_value = :key%d AND k%d.seq = k0.seq)".formatted(i, i, i));
        parameters.put("kind" + i, keys.get(i).kind().code());
        parameters.put("key" + i, keys.get(i).value());
      }
    }

    conditions.add("s.voided = 0");
    if (filter.since() != null) {
      conditions.add("s.stored_millis > :since");
      parameters.put("since", filter.since().toEpochMilli());
    }
    if (filter.until() != null) {
      conditions.add("s.stored_millis <= :until");
      parameters.put("until", filter.until().toEpochMilli());
    }
    if (maxSequence != Long.MAX_VALUE) {
      conditions.add(seqColumn + " <= :maxSequence");
      parameters.put("maxSequence", maxSequence);
    }
    if (filter.after() != null) {
      conditions.add(seqColumn + (filter.ascending() ? " > :after" : " < :after"));
      parameters.put("after", filter.after());
    }
    parameters.put("limit", fetchSize);

    String sql =
        "SELECT "
            + COLUMNS
            + " FROM "
            + from
            + " WHERE "
            + String.join(" AND ", conditions)
            + " ORDER BY "
            + seqColumn
            + (filter.ascending() ? " ASC" : " DESC")
            + " LIMIT :limit";
    return new StatementQuerySql(sql, parameters);
  }

  /** Returns the key filters, the one expected to match the fewest statements first. */
  private static List<StatementKey> keysOf(StatementFilter filter) {
    List<StatementKey> keys = new ArrayList<>();
    if (filter.registration() != null) {
      keys.add(new StatementKey(KeyKind.REGISTRATION, filter.registration().toString()));
    }
    if (filter.agent() != null) {
      KeyKind kind = filter.relatedAgents() ? KeyKind.RELATED_AGENT : KeyKind.AGENT;
      keys.add(new StatementKey(kind, filter.agent()));
    }
    if (filter.activity() != null) {
      KeyKind kind = filter.relatedActivities() ? KeyKind.RELATED_ACTIVITY : KeyKind.ACTIVITY;
      keys.add(new StatementKey(kind, filter.activity()));
    }
    if (filter.verb() != null) {
      keys.add(new StatementKey(KeyKind.VERB, filter.verb()));
    }
    return keys;
  }
}
