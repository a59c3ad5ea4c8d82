package org.lrs4j.core.statement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.lrs4j.core.XapiVersion;

/**
 * Who writes statements, and under which version of the specification.
 *
 * @param version the rule set the request speaks
 * @param authority the Agent or Group that every stored statement gets as its {@code authority}
 */
public record WriteContext(XapiVersion version, ObjectNode authority) {

  public WriteContext {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(authority, "authority");
  }
}
