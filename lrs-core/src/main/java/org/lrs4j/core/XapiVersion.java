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
   * Parses a request header value: {@code 1.0} and every {@code 1.0.N} select 1.0.3, because the
   * 1.0.3 specification requires an LRS to accept any version header starting with {@code 1.0.};
   * {@code 2.0} and {@code 2.0.0} select 2.0.0; anything else is empty.
   */
  public static Optional<XapiVersion> fromHeader(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String version = value.trim();
    if (version.equals("1.0") || isPatchOf10(version)) {
      return Optional.of(V1_0_3);
    }
    if (version.equals("2.0") || version.equals("2.0.0")) {
      return Optional.of(V2_0_0);
    }
    return Optional.empty();
  }

  private static boolean isPatchOf10(String version) {
    if (!version.startsWith("1.0.") || version.length() == 4 || version.length() > 8) {
      return false;
    }
    for (int i = 4; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
