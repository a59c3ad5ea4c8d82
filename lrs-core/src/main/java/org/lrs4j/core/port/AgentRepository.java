package org.lrs4j.core.port;

import java.util.List;
import org.lrs4j.core.model.AgentKey;

/**
 * Port for reading what stored statements record about an agent. The statement repository fills it
 * while it stores each batch. Implementations must be thread safe.
 */
public interface AgentRepository {

  /**
   * Returns the distinct names that Agents and Groups with this identifier carried in stored
   * statements, in the order first stored, or an empty list when none had a name.
   */
  List<String> namesOf(AgentKey key);
}
