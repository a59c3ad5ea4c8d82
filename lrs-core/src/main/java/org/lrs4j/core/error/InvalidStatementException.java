package org.lrs4j.core.error;

import java.util.List;
import org.lrs4j.core.validation.Violation;

/** One or more statements break the rules of the xAPI specification; nothing was stored. */
public class InvalidStatementException extends InvalidRequestException {

  private final List<Violation> violations;

  public InvalidStatementException(List<Violation> violations) {
    super(summarize(violations));
    this.violations = List.copyOf(violations);
  }

  /** Returns every violation found, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String summarize(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid statement needs at least one violation");
    }
    String first = violations.get(0).describe();
    int others = violations.size() - 1;
    return others == 0 ? first : first + " (and " + others + " more)";
  }
}
