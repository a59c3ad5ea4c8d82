package org.lrs4j.core.attachment;

import java.util.Objects;

/**
 * What a JSON Web Signature signed, after its signature was checked.
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
