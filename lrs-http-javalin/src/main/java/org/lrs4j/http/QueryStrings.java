package org.lrs4j.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Parses a query string strictly: every percent escape must be two hex digits, the decoded bytes
 * must be UTF-8, and no name or value may contain U+0000. Parameters with an empty name, such as
 * the one after a trailing {@code &}, are ignored.
 */
final class QueryStrings {

  private QueryStrings() {}

  /** Returns the request's query parameters, in request order. */
  static Map<String, List<String>> of(Context ctx) {
    return parse(ctx.queryString());
  }

  /**
   * Returns the parameters of a raw query string, or none for null.
   *
   * @throws InvalidRequestException for a malformed escape, invalid UTF-8 or U+0000, naming the
   *     parameter
   */
  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
      String name = decode(rawName, rawName, "name");
      if (name.isEmpty()) {
        continue;
      }
      String value = decode(rawValue, name, "value");
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String raw, String parameter, String part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new InvalidRequestException(
              shorten(parameter)
                  + ": invalid percent-encoding in the "
                  + part
                  + " at character "
                  + i
                  + "; each % must be followed by two hex digits");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int codePoint = raw.codePointAt(i);
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }

    Utf8.Decoded decoded = Utf8.decode(bytes.toByteArray());
    if (decoded.text() == null) {
      throw new InvalidRequestException(
          shorten(parameter)
              + ": invalid UTF-8 in the "
              + part
              + " at byte "
              + decoded.invalidAt().getAsInt());
    }
    String problem = StorableText.problem(decoded.text());
    if (problem != null) {
      throw new InvalidRequestException(shorten(parameter) + ": the " + part + " " + problem);
    }
    return decoded.text();
  }

  private static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
