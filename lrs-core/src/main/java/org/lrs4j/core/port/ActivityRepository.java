package org.lrs4j.core.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Port for reading the activities that stored statements mention. The statement repository fills it
 * while it stores each batch, merging definitions with {@link
 * org.lrs4j.core.activity.ActivityDefinitions#merge}. Implementations must be thread safe.
 */
public interface ActivityRepository {

  /**
   * Finds the merged definition of an activity. Returns an empty object for an activity that
   * statements mention without a definition, and empty when no stored statement mentions it.
   */
  Optional<ObjectNode> findDefinition(String activityId);
}
