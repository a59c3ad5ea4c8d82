package org.lrs4j.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.lrs4j.core.statement.StatementQuery;

/**
 * Builds the text of a StatementResult, {@code {"statements":[...],"more":"..."}}, by joining the
 * rendered statements, so that stored JSON is never parsed again for {@code format=exact}.
 */
final class StatementResults {

  private final String statementsPath;

  /**
   * @param statementsPath the public path of the resource that {@code more} links point to, such as
   *     {@code /lrs/xapi/statements}
   */
  StatementResults(String statementsPath) {
    this.statementsPath = statementsPath;
  }

  /**
   * Returns the StatementResult text.
   *
   * @param statements each statement as JSON text, in order
   * @param parameters the query parameters of the request, repeated in the {@code more} link
   * @param next the sequence to continue after, or empty when there are no more statements
   */
  String render(
      List<String> statements, Map<String, List<String>> parameters, Optional<Long> next) {
    StringBuilder body = new StringBuilder(64 + statements.stream().mapToInt(String::length).sum());
    body.append("{\"statements\":[");
    for (int i = 0; i < statements.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(statements.get(i));
    }
    body.append("],\"more\":\"");
    next.ifPresent(sequence -> body.append(more(parameters, sequence)));
    return body.append("\"}").toString();
  }

  /**
   * Returns the relative {@code more} link: the same parameters with the cursor replaced. Every
   * name and value is percent-encoded, so the link holds no character that needs escaping in JSON.
   */
  String more(Map<String, List<String>> parameters, long after) {
    StringJoiner query = new StringJoiner("&", statementsPath + "?", "");
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (entry.getKey().equals(StatementQuery.CURSOR)) {
        continue;
      }
      for (String value : entry.getValue()) {
        query.add(encode(entry.getKey()) + "=" + encode(value));
      }
    }
    query.add(StatementQuery.CURSOR + "=" + after);
    return query.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
