package org.lrs4j.persistence.jdbc;

import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.port.AgentRepository;

/** Agent repository over JDBI, reading the {@code agent_name} table. Thread safe. */
final class JdbcAgentRepository implements AgentRepository {

  private final Jdbi reader;

  JdbcAgentRepository(Jdbi reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public List<String> namesOf(AgentKey key) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT name FROM agent_name WHERE agent = :agent"
                        + " ORDER BY first_stored_millis, name")
                .bind("agent", key.asString())
                .mapTo(String.class)
                .list());
  }
}
