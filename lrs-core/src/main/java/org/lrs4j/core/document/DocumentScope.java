package org.lrs4j.core.document;

import java.util.Objects;
import java.util.UUID;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * The owner of a set of documents: the activity, agent and registration that a document id is
 * unique within. Which parts are required depends on the kind.
 *
 * @param kind the document resource
 * @param activityId the activity id; required for State and Activity Profile, null otherwise
 * @param agent the {@link org.lrs4j.core.model.AgentKey#asString() agent key}; required for State
 *     and Agent Profile, null otherwise
 * @param registration the registration of a State document, or null
 */
public record DocumentScope(DocumentKind kind, String activityId, String agent, UUID registration) {

  public DocumentScope {
    Objects.requireNonNull(kind, "kind");
    boolean needsActivity = kind != DocumentKind.AGENT_PROFILE;
    boolean needsAgent = kind != DocumentKind.ACTIVITY_PROFILE;
    if (needsActivity && (activityId == null || activityId.isEmpty())) {
      throw new InvalidRequestException("activityId: missing, and required for this resource");
    }
    if (needsAgent && (agent == null || agent.isEmpty())) {
      throw new InvalidRequestException("agent: missing, and required for this resource");
    }
    if (!needsActivity) {
      activityId = null;
    }
    if (!needsAgent) {
      agent = null;
    }
    if (kind != DocumentKind.STATE && registration != null) {
      throw new InvalidRequestException("registration: only the State resource takes one");
    }
  }
}
