package org.lrs4j.core.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.validation.Iris;

/**
 * The parameters of {@code GET /statements}, checked. A query either fetches one statement (by
 * {@code statementId} or {@code voidedStatementId}) or filters many.
 *
 * @param statementId the one statement to fetch, or null
 * @param voidedStatementId the one voided statement to fetch, or null
 * @param filter the filter for a query of many statements
 * @param limit the page size the client asked for; 0 means the server's maximum
 * @param format how to render each statement
 * @param attachments true when the client asked for attachment content
 */
public record StatementQuery(
    UUID statementId,
    UUID voidedStatementId,
    StatementFilter filter,
    int limit,
    StatementFormat format,
    boolean attachments) {

  /** Parameter that carries the page position in a {@code more} link. */
  public static final String CURSOR = "cursor";

  private static final Set<String> PARAMETERS =
      Set.of(
          "statementId",
          "voidedStatementId",
          "agent",
          "verb",
          "activity",
          "registration",
          "related_activities",
          "related_agents",
          "since",
          "until",
          "limit",
          "format",
          "attachments",
          "ascending",
          CURSOR);
  private static final Set<String> SINGLE_STATEMENT_PARAMETERS =
      Set.of("statementId", "voidedStatementId", "format", "attachments");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // Timestamps outside four-digit years cannot be stored as epoch milliseconds without overflow.
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /** Returns true when the query fetches one statement by id. */
  public boolean isSingle() {
    return statementId != null || voidedStatementId != null;
  }

  /**
   * Parses query parameters. Names are case sensitive; an unknown or repeated parameter, a value of
   * the wrong type, or {@code statementId} combined with a filter is an {@link
   * InvalidRequestException} that names the parameter.
   */
  public static StatementQuery parse(Map<String, List<String>> parameters) {
    Map<String, String> values = singleValues(parameters);
    UUID statementId = uuid(values, "statementId");
    UUID voidedStatementId = uuid(values, "voidedStatementId");
    if (statementId != null && voidedStatementId != null) {
      throw new InvalidRequestException(
          "statementId and voidedStatementId: only one of the two may be given");
    }
    if (statementId != null || voidedStatementId != null) {
      for (String name : values.keySet()) {
        if (!SINGLE_STATEMENT_PARAMETERS.contains(name)) {
          throw new InvalidRequestException(
              name + ": not allowed with statementId or voidedStatementId");
        }
      }
    }

    StatementFilter filter =
        new StatementFilter(
            agent(values),
            bool(values, "related_agents"),
            iri(values, "verb"),
            iri(values, "activity"),
            bool(values, "related_activities"),
            uuid(values, "registration"),
            timestamp(values, "since"),
            timestamp(values, "until"),
            bool(values, "ascending"),
            cursor(values));
    return new StatementQuery(
        statementId,
        voidedStatementId,
        filter,
        limit(values),
        format(values),
        bool(values, "attachments"));
  }

  private static Map<String, String> singleValues(Map<String, List<String>> parameters) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (!PARAMETERS.contains(name)) {
        throw new InvalidRequestException(
            name + ": unknown parameter (names are case sensitive); allowed are " + allowed());
      }
      if (entry.getValue().size() != 1) {
        throw new InvalidRequestException(name + ": must be given once");
      }
      values.put(name, entry.getValue().get(0));
    }
    return values;
  }

  private static String allowed() {
    return String.join(", ", new java.util.TreeSet<>(PARAMETERS));
  }

  private static UUID uuid(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!value.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      throw new InvalidRequestException(name + ": must be a UUID (value: " + value + ")");
    }
    return UUID.fromString(value);
  }

  private static String iri(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value != null && !Iris.isAbsolute(value)) {
      throw new InvalidRequestException(
          name + ": must be an absolute IRI with a scheme (value: " + shorten(value) + ")");
    }
    return value;
  }

  private static boolean bool(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new InvalidRequestException(name + ": must be true or false (value: " + value + ")");
  }

  private static Instant timestamp(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          name + ": must be an ISO 8601 timestamp with a time zone (value: " + value + ")", e);
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidRequestException(
          name + ": must lie between years 0000 and 9999 (value: " + value + ")");
    }
    return instant;
  }

  private static int limit(Map<String, String> values) {
    String value = values.get("limit");
    if (value == null) {
      return 0;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value.
    }
    throw new InvalidRequestException(
        "limit: must be a non-negative integer (value: " + value + ")");
  }

  private static StatementFormat format(Map<String, String> values) {
    String value = values.get("format");
    if (value == null) {
      return StatementFormat.EXACT;
    }
    return StatementFormat.parse(value)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "format: must be exact, ids or canonical (value: " + value + ")"));
  }

  private static Long cursor(Map<String, String> values) {
    String value = values.get(CURSOR);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          CURSOR + ": must be the value from a more link (value: " + value + ")", e);
    }
  }

  private static String agent(Map<String, String> values) {
    String value = values.get("agent");
    if (value == null) {
      return null;
    }
    return parseAgent("agent", value).asString();
  }

  /**
   * Parses an Agent or identified Group given as a JSON parameter and returns its identifier.
   * Throws an {@link InvalidRequestException} naming the parameter when the value is not JSON or
   * does not carry exactly one identifier.
   */
  public static AgentKey parseAgent(String parameter, String value) {
    JsonNode node;
    try {
      node = MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          parameter + ": must be an Agent as JSON (value: " + shorten(value) + ")", e);
    }
    Optional<AgentKey> key = AgentKey.of(node);
    if (key.isEmpty()) {
      throw new InvalidRequestException(
          parameter
              + ": must have exactly one of mbox, mbox_sha1sum, openid or account (value: "
              + shorten(value)
              + ")");
    }
    return key.get();
  }

  private static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
