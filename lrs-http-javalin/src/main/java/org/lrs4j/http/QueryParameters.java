package org.lrs4j.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.validation.Iris;

/**
 * The query parameters of one request, each given at most once and each one that the resource
 * defines for the request's method.
 */
final class QueryParameters {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads the request's parameters.
   *
   * @param allowed the parameter names this method of the resource defines; names are
   *     case-sensitive
   * @throws InvalidRequestException for an unknown parameter or one given twice
   */
  static QueryParameters read(Context ctx, Set<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : QueryStrings.of(ctx).entrySet()) {
      String name = parameter.getKey();
      if (!allowed.contains(name)) {
        throw new InvalidRequestException(
            name
                + ": unknown parameter for "
                + ctx.method()
                + " "
                + ctx.path()
                + "; allowed are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
      if (parameter.getValue().size() != 1) {
        throw new InvalidRequestException(name + ": must be given once");
      }
      values.put(name, parameter.getValue().get(0));
    }
    return new QueryParameters(values);
  }

  /** Returns the value of a parameter, when given. */
  Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Returns the value of a required parameter. */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new InvalidRequestException(name + ": missing, and required for this request");
    }
    return value;
  }

  /** Returns true when the parameter was given. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** Returns a required parameter that must be an absolute IRI, such as an activity id. */
  String iri(String name) {
    String value = required(name);
    if (!Iris.isAbsolute(value)) {
      throw new InvalidRequestException(
          name + ": must be an absolute IRI with a scheme (value: " + shorten(value) + ")");
    }
    return value;
  }

  /** Returns an optional parameter that must be a UUID. */
  Optional<UUID> uuid(String name) {
    return optional(name)
        .map(
            value -> {
              if (!UUID_TEXT.matcher(value).matches()) {
                throw new InvalidRequestException(
                    name + ": must be a UUID (value: " + shorten(value) + ")");
              }
              return UUID.fromString(value);
            });
  }

  /** Returns an optional parameter that must be an ISO 8601 timestamp with a time zone. */
  Optional<Instant> timestamp(String name) {
    return optional(name)
        .map(
            value -> {
              try {
                return OffsetDateTime.parse(value).toInstant();
              } catch (DateTimeParseException e) {
                throw new InvalidRequestException(
                    name
                        + ": must be an ISO 8601 timestamp with a time zone (value: "
                        + shorten(value)
                        + ")",
                    e);
              }
            });
  }

  private static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
