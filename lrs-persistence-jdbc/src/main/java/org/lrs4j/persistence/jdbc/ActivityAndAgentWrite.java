package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lrs4j.core.activity.ActivityDefinitions;
import org.lrs4j.core.agent.AgentNames;
import org.lrs4j.core.statement.NewStatement;

/**
 * Records the activities and agent names of newly stored statements, inside the transaction that
 * stores them, so the Activities and Agents resources read only what committed statements contain.
 */
final class ActivityAndAgentWrite {

  private final Handle handle;
  private final Dialect dialect;
  private final ObjectMapper mapper;

  ActivityAndAgentWrite(Handle handle, Dialect dialect, ObjectMapper mapper) {
    this.handle = handle;
    this.dialect = dialect;
    this.mapper = mapper;
  }

  /** Merges the statements' activity definitions and adds their agent names, in batch order. */
  void record(List<NewStatement> statements) {
    if (statements.isEmpty()) {
      return;
    }
    mergeActivities(statements);
    insertAgentNames(statements);
  }

  private void mergeActivities(List<NewStatement> statements) {
    // Sorted, so that concurrent batches lock shared activity rows in the same order.
    Map<String, ObjectNode> incoming = new TreeMap<>();
    for (NewStatement statement : statements) {
      ActivityDefinitions.collect(statement.statement())
          .forEach((id, definition) -> incoming.merge(id, definition, ActivityDefinitions::merge));
    }
    incoming.forEach(this::mergeActivity);
  }

  private void mergeActivity(String activityId, ObjectNode definition) {
    Optional<ObjectNode> stored = storedDefinition(activityId);
    if (stored.isEmpty()) {
      int inserted =
          handle
              .createUpdate(
                  "INSERT INTO activity (activity_id, definition) VALUES (:id, :definition)"
                      + " ON CONFLICT (activity_id) DO NOTHING")
              .bind("id", activityId)
              .bind("definition", serialize(definition))
              .execute();
      if (inserted == 1) {
        return;
      }
      // A concurrent batch inserted the row and has committed, so it can be read and locked now.
      stored = storedDefinition(activityId);
    }

    ObjectNode merged =
        stored.map(value -> ActivityDefinitions.merge(value, definition)).orElse(definition);
    if (stored.isPresent() && merged.equals(stored.get())) {
      // Most statements repeat a definition already stored, and the row needs no write then.
      return;
    }
    handle
        .createUpdate("UPDATE activity SET definition = :definition WHERE activity_id = :id")
        .bind("id", activityId)
        .bind("definition", serialize(merged))
        .execute();
  }

  private Optional<ObjectNode> storedDefinition(String activityId) {
    return handle
        .createQuery(
            "SELECT definition FROM activity WHERE activity_id = :id" + dialect.lockRowsForUpdate())
        .bind("id", activityId)
        .mapTo(String.class)
        .findOne()
        .map(this::parse);
  }

  private void insertAgentNames(List<NewStatement> statements) {
    // Sorted by agent and name, so that concurrent batches take the key locks in the same order.
    Map<AgentNames.NamedAgent, Long> firstStored =
        new TreeMap<>(
            Comparator.comparing((AgentNames.NamedAgent named) -> named.key().asString())
                .thenComparing(AgentNames.NamedAgent::name));
    for (NewStatement statement : statements) {
      for (AgentNames.NamedAgent named : AgentNames.collect(statement.statement())) {
        firstStored.merge(named, statement.stored().toEpochMilli(), Math::min);
      }
    }
    if (firstStored.isEmpty()) {
      return;
    }

    PreparedBatch insert =
        handle.prepareBatch(
            "INSERT INTO agent_name (agent, name, first_stored_millis) VALUES (:agent, :name,"
                + " :stored) ON CONFLICT (agent, name) DO NOTHING");
    firstStored.forEach(
        (named, stored) ->
            insert
                .bind("agent", named.key().asString())
                .bind("name", named.name())
                .bind("stored", stored)
                .add());
    insert.execute();
  }

  private ObjectNode parse(String json) {
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("activity.definition: stored value is not a JSON object", e);
    }
  }

  private String serialize(ObjectNode definition) {
    try {
      return mapper.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an activity definition could not be serialized", e);
    }
  }
}
