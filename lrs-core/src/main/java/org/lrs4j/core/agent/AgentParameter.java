package org.lrs4j.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.statement.StatementQuery;
import org.lrs4j.core.validation.StatementValidator;
import org.lrs4j.core.validation.Violation;

/**
 * An Agent sent as a JSON request parameter, such as {@code agent} of the document and Agents
 * resources, after validation.
 *
 * @param json the parsed object
 * @param key its identifier, which is how documents and names are found
 */
public record AgentParameter(JsonNode json, AgentKey key) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StatementValidator VALIDATOR = new StatementValidator();

  public AgentParameter {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(key, "key");
  }

  /**
   * Parses and validates a parameter value.
   *
   * @throws InvalidRequestException naming the parameter when the value is not JSON, does not carry
   *     exactly one identifier, or breaks a rule of Agent objects (such as an mbox without {@code
   *     mailto:})
   */
  public static AgentParameter parse(String parameter, String value, XapiVersion version) {
    AgentKey key = StatementQuery.parseAgent(parameter, value);
    JsonNode json;
    try {
      json = MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(parameter + ": must be an Agent as JSON", e);
    }

    List<Violation> violations = VALIDATOR.validateActor(json, version);
    if (!violations.isEmpty()) {
      Violation first = violations.get(0);
      String where = first.path().isEmpty() ? parameter : parameter + "." + first.path();
      throw new InvalidRequestException(
          where + ": " + first.rule() + " (value: " + first.value() + ")");
    }
    return new AgentParameter(json, key);
  }
}
