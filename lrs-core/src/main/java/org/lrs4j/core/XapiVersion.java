package org.lrs4j.core;

import java.util.Optional;

/**
 * Version of the xAPI specification that a request speaks, chosen by its {@code
 * X-Experience-API-Version} header.
 */
public enum XapiVersion {
  V1_0_3("1.0.3", "1.0.0"),
  V2_0_0("2.0.0", "2.0.0");

  private final String header;
  private final String defaultStatementVersion;

  XapiVersion(String header, String defaultStatementVersion) {
    this.header = header;
    this.defaultStatementVersion = defaultStatementVersion;
  }

  /** Returns the value this LRS sends in the {@code X-Experience-API-Version} response header. */
  public String header() {
    return header;
  }

  /** Returns the {@code version} given to a stored statement that arrives without one. */
  public String defaultStatementVersion() {
    return defaultStatementVersion;
  }

  /** Returns true for the 2.0.0 rule set. */
  public boolean isV2() {
    return this == V2_0_0;
  }

  /**
   * Parses a request header value: {@code 1.0} and {@code 1.0.0} to {@code 1.0.3} select 1.0.3,
   * {@code 2.0} and {@code 2.0.0} select 2.0.0; anything else is empty.
   */
  public static Optional<XapiVersion> fromHeader(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.trim()) {
      case "1.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3" -> Optional.of(V1_0_3);
      case "2.0", "2.0.0" -> Optional.of(V2_0_0);
      default -> Optional.empty();
    };
  }
}
