package org.lrs4j.core.statement;

import java.time.Instant;
import java.util.UUID;

/**
 * Filter and page position of a statement query, in the terms a repository answers. Null fields do
 * not filter. Voided statements never match.
 *
 * @param agent an {@link org.lrs4j.core.model.AgentKey#asString() agent key}
 * @param relatedAgents match {@code agent} against {@link StatementIndex#relatedAgents()}
 * @param verb a verb id
 * @param activity an activity id
 * @param relatedActivities match {@code activity} against {@link
 *     StatementIndex#relatedActivities()}
 * @param registration a registration
 * @param since only statements stored after this time
 * @param until only statements stored at or before this time
 * @param ascending oldest first when true, newest first otherwise
 * @param after only statements beyond this sequence in the direction of {@code ascending}; null for
 *     the first page
 */
public record StatementFilter(
    String agent,
    boolean relatedAgents,
    String verb,
    String activity,
    boolean relatedActivities,
    UUID registration,
    Instant since,
    Instant until,
    boolean ascending,
    Long after) {

  /** Returns a filter that matches every statement that is not voided, newest first. */
  public static StatementFilter all() {
    return new StatementFilter(null, false, null, null, false, null, null, null, false, null);
  }

  /** Returns the same filter positioned after the given sequence. */
  public StatementFilter after(long sequence) {
    return new StatementFilter(
        agent,
        relatedAgents,
        verb,
        activity,
        relatedActivities,
        registration,
        since,
        until,
        ascending,
        sequence);
  }
}
