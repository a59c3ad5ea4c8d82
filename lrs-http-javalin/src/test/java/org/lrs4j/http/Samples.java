package org.lrs4j.http;

import java.util.UUID;

/** Small statements built in code, each distinct by its number. */
final class Samples {

  static final String ACTIVITY = "http://example.com/activities/course-";
  static final String VERB = "http://adlnet.gov/expapi/verbs/experienced";

  private Samples() {}

  /** Returns a statement without id by learner {@code n} on course {@code n % 3}. */
  static String statement(int n) {
    return """
        {"actor":{"objectType":"Agent","mbox":"mailto:learner%d@example.com"},
         "verb":{"id":"%s","display":{"en-US":"experienced","de-DE":"erlebte"}},
         "object":{"id":"%s%d","definition":{"name":{"en-US":"Course","fr-FR":"Cours","de":"Kurs"}}}}
        """
        .formatted(n, VERB, ACTIVITY, n % 3);
  }

  /** Returns statement {@code n} with the given id. */
  static String statement(int n, UUID id) {
    return statement(n).replaceFirst("\\{", "{\"id\":\"" + id + "\",");
  }

  /** Returns a statement that voids the given statement. */
  static String voiding(UUID target) {
    return """
        {"actor":{"mbox":"mailto:admin@example.com"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/voided","display":{"en-US":"voided"}},
         "object":{"objectType":"StatementRef","id":"%s"}}
        """
        .formatted(target);
  }
}
