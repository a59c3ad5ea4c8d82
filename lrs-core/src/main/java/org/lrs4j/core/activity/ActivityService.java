package org.lrs4j.core.activity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.port.ActivityRepository;

/** Use case of the Activities resource: the full Activity object of an id. Thread safe. */
public final class ActivityService {

  private final ActivityRepository repository;

  public ActivityService(ActivityRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Returns the Activity object with the definition merged from every stored statement that
   * mentions it. For an activity that no stored statement mentions, 2.0.0 requests get an Activity
   * object with only {@code objectType} and {@code id}.
   *
   * @throws NotFoundException for an unknown activity under 1.0.3
   */
  public ObjectNode activity(String activityId, XapiVersion version) {
    if (activityId == null || activityId.isEmpty()) {
      throw new InvalidRequestException("activityId: missing, and required for this resource");
    }
    Optional<ObjectNode> definition = repository.findDefinition(activityId);
    if (definition.isEmpty() && !version.isV2()) {
      throw new NotFoundException(
          "activityId: no stored statement mentions the activity " + activityId);
    }

    ObjectNode activity = JsonNodeFactory.instance.objectNode();
    activity.put("objectType", "Activity");
    activity.put("id", activityId);
    definition
        .filter(value -> !value.isEmpty())
        .ifPresent(value -> activity.set("definition", value));
    return activity;
  }
}
