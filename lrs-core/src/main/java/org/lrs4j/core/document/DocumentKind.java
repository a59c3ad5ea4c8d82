package org.lrs4j.core.document;

/** The three document resources, which differ in what owns a document. */
public enum DocumentKind {
  /** {@code activities/state}: owned by an activity, an agent and optionally a registration. */
  STATE("stateId"),
  /** {@code activities/profile}: owned by an activity. */
  ACTIVITY_PROFILE("profileId"),
  /** {@code agents/profile}: owned by an agent. */
  AGENT_PROFILE("profileId");

  private final String idParameter;

  DocumentKind(String idParameter) {
    this.idParameter = idParameter;
  }

  /** Returns the name of the query parameter that carries the document id. */
  public String idParameter() {
    return idParameter;
  }
}
