package org.lrs4j.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lrs4j.core.port.ActivityRepository;

/** Activity repository over JDBI, reading the {@code activity} table. Thread safe. */
final class JdbcActivityRepository implements ActivityRepository {

  private final Jdbi reader;
  private final ObjectMapper mapper = new ObjectMapper();

  JdbcActivityRepository(Jdbi reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public Optional<ObjectNode> findDefinition(String activityId) {
    return reader
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT definition FROM activity WHERE activity_id = :id")
                    .bind("id", activityId)
                    .mapTo(String.class)
                    .findOne())
        .map(this::parse);
  }

  private ObjectNode parse(String json) {
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("activity.definition: stored value is not a JSON object", e);
    }
  }
}
