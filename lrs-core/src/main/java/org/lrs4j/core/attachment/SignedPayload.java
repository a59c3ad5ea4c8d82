package org.lrs4j.core.attachment;

import java.util.Objects;

/**
 * The payload of a JSON Web Signature whose signature was checked, with its algorithm.
 *
 * @param payload the decoded payload, which should be the JSON of the signed statement
 * @param algorithm the {@code alg} of the JWS header, such as {@code RS256}
 */
public record SignedPayload(String payload, String algorithm) {

  public SignedPayload {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(algorithm, "algorithm");
  }
}
