package org.lrs4j.persistence.jdbc;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.lrs4j.core.statement.StatementIndex;

/**
 * One row of the {@code statement_key} table without its sequence: a value a query filter looks
 * statements up by.
 *
 * @param kind which filter the value answers
 * @param value the agent key, activity id, verb id or registration
 */
record StatementKey(KeyKind kind, String value) {

  StatementKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** Returns the keys of a statement's own properties. */
  static Set<StatementKey> of(StatementIndex index) {
    Set<StatementKey> keys = new LinkedHashSet<>();
    index.agents().forEach(agent -> keys.add(new StatementKey(KeyKind.AGENT, agent)));
    index
        .relatedAgents()
        .forEach(agent -> keys.add(new StatementKey(KeyKind.RELATED_AGENT, agent)));
    index.activities().forEach(activity -> keys.add(new StatementKey(KeyKind.ACTIVITY, activity)));
    index
        .relatedActivities()
        .forEach(activity -> keys.add(new StatementKey(KeyKind.RELATED_ACTIVITY, activity)));
    keys.add(new StatementKey(KeyKind.VERB, index.verb()));
    index
        .registrationIfPresent()
        .ifPresent(id -> keys.add(new StatementKey(KeyKind.REGISTRATION, id.toString())));
    return keys;
  }
}
