package org.lrs4j.core.port;

import org.lrs4j.core.attachment.SignedPayload;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Port for decoding and checking the JSON Web Signature (JWS) of a signed statement. An
 * implementation must be thread safe.
 */
@FunctionalInterface
public interface SignatureVerifier {

  /**
   * Decodes a JWS in compact serialization and checks its signature.
   *
   * <p>The algorithm must be RS256, RS384 or RS512. When the header carries an {@code x5c}
   * certificate chain, the signature must verify with the public key of its first (leaf)
   * certificate; without {@code x5c} only the structure is checked.
   *
   * @param jws the content of the signature attachment, as text
   * @return the decoded payload text and the algorithm of the header
   * @throws InvalidRequestException when the JWS is malformed, names another algorithm, or its
   *     signature does not verify
   */
  SignedPayload verify(String jws);

  /**
   * Returns a verifier for an LRS built without one: it rejects every signed statement, saying that
   * this LRS cannot check signatures.
   */
  static SignatureVerifier unavailable() {
    return jws -> {
      throw new InvalidRequestException(
          "attachments: signed statements are not accepted, because this LRS has no signature"
              + " verifier configured");
    };
  }
}
