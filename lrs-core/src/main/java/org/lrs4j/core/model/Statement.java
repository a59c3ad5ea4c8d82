package org.lrs4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An xAPI statement as JSON, with typed access to the properties the LRS acts on. The wrapped node
 * is the statement exactly as it will be stored; callers must not change it after construction.
 */
public final class Statement {

  /** Verb that voids the statement its StatementRef object points to. */
  public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

  private final ObjectNode json;

  public Statement(ObjectNode json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /** Returns the statement's JSON. */
  public ObjectNode json() {
    return json;
  }

  /** Returns the statement id, which is present on every stored statement. */
  public UUID id() {
    return UUID.fromString(json.path("id").asText());
  }

  /** Returns the {@code verb.id} IRI. */
  public String verbId() {
    return json.path("verb").path("id").asText();
  }

  /** Returns the actor object. */
  public JsonNode actor() {
    return json.path("actor");
  }

  /**
   * Returns the object of the statement (an Activity, Agent, Group, StatementRef or SubStatement).
   */
  public JsonNode object() {
    return json.path("object");
  }

  /** Returns the object's {@code objectType}, which defaults to {@code Activity}. */
  public String objectType() {
    return objectTypeOf(object(), "Activity");
  }

  /** Returns the id of the statement this one refers to, when its object is a StatementRef. */
  public Optional<UUID> statementRefTarget() {
    if (!objectType().equals("StatementRef")) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(object().path("id").asText()));
  }

  /** Returns true when this statement voids another one. */
  public boolean isVoiding() {
    return VOIDED_VERB.equals(verbId()) && objectType().equals("StatementRef");
  }

  /** Returns the id of the statement this one voids, when it is a voiding statement. */
  public Optional<UUID> voidingTarget() {
    return isVoiding() ? statementRefTarget() : Optional.empty();
  }

  /** Returns {@code context.registration}, when present. */
  public Optional<UUID> registration() {
    JsonNode registration = json.path("context").path("registration");
    return registration.isTextual()
        ? Optional.of(UUID.fromString(registration.textValue()))
        : Optional.empty();
  }

  /** Returns a node's {@code objectType}, or the fallback when it has none. */
  public static String objectTypeOf(JsonNode node, String fallback) {
    JsonNode type = node.get("objectType");
    return type != null && type.isTextual() ? type.textValue() : fallback;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Statement that && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Statement[" + json.path("id").asText() + "]";
  }
}
