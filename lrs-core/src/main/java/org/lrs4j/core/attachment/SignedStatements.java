package org.lrs4j.core.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.port.SignatureVerifier;
import org.lrs4j.core.statement.StatementComparison;

/**
 * The rules for signed statements. A statement is signed when one of its own attachments has the
 * usage type {@value Attachment#SIGNATURE_USAGE_TYPE}; then that attachment must:
 *
 * <ul>
 *   <li>have the content type {@code application/octet-stream} and arrive as a part of the request;
 *   <li>contain a JWS in compact serialization that the {@link SignatureVerifier} accepts, with the
 *       algorithm RS256, RS384 or RS512;
 *   <li>sign a payload equal to the statement by the rules of {@link StatementComparison}, which
 *       ignore {@code attachments} and, under xAPI 2.0.0, duration digits past 0.01 s. The {@code
 *       id} must also match when the payload has one.
 * </ul>
 *
 * <p>Thread safe.
 */
public final class SignedStatements {

  /** The JWS algorithms xAPI allows for statement signatures. */
  public static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512");

  private static final String OCTET_STREAM = "application/octet-stream";

  private final SignatureVerifier verifier;
  private final ObjectMapper mapper;

  public SignedStatements(SignatureVerifier verifier, ObjectMapper mapper) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * Checks every signature attachment of the statement.
   *
   * @param statement the statement as the client sent it
   * @param prefix the path of the statement in the request, such as {@code [2]}, or empty
   * @param received the content the request carried, by lowercase hash
   * @param version the rule set of the request
   * @throws InvalidRequestException naming the attachment when a rule above is broken
   */
  public void check(
      JsonNode statement,
      String prefix,
      Map<String, AttachmentContent> received,
      XapiVersion version) {
    String path = Attachment.join(prefix, "attachments");
    for (Attachment attachment : Attachment.listedIn(statement.get("attachments"), path)) {
      if (attachment.isSignature()) {
        checkSignature(statement, attachment, received.get(attachment.sha2()), version);
      }
    }
  }

  private void checkSignature(
      JsonNode statement, Attachment attachment, AttachmentContent content, XapiVersion version) {
    String mediaType = attachment.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(OCTET_STREAM)) {
      throw new InvalidRequestException(
          attachment.path()
              + ".contentType: a signature attachment must be "
              + OCTET_STREAM
              + " (value: "
              + attachment.contentType()
              + ")");
    }
    if (content == null) {
      throw new InvalidRequestException(
          attachment.path()
              + ": the signature "
              + attachment.sha2()
              + " must be sent as a multipart/mixed part, because the LRS checks it");
    }

    SignedPayload signed;
    try {
      signed = verifier.verify(read(content));
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(attachment.path() + ": " + e.getMessage(), e);
    }
    if (!ALGORITHMS.contains(signed.algorithm())) {
      throw new InvalidRequestException(
          attachment.path()
              + ": the JWS algorithm must be RS256, RS384 or RS512 (value: "
              + signed.algorithm()
              + ")");
    }
    ObjectNode payload = payloadObject(signed.payload(), attachment);
    if (!sameStatement(payload, (ObjectNode) statement, version)) {
      throw new InvalidRequestException(
          attachment.path()
              + ": the JWS payload differs from the statement without its attachments; sign the"
              + " statement exactly as it is sent");
    }
  }

  private boolean sameStatement(ObjectNode payload, ObjectNode statement, XapiVersion version) {
    JsonNode signedId = payload.get("id");
    if (signedId != null && !signedId.asText().equalsIgnoreCase(statement.path("id").asText())) {
      return false;
    }
    // The comparison ignores a missing timestamp on its second side, so it runs both ways to
    // count a timestamp that only one side has.
    StatementComparison comparison = new StatementComparison(version);
    return comparison.same(payload, statement) && comparison.same(statement, payload);
  }

  private ObjectNode payloadObject(String payload, Attachment attachment) {
    try {
      JsonNode node = mapper.readTree(payload);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          attachment.path() + ": the JWS payload is not JSON: " + e.getOriginalMessage(), e);
    }
    throw new InvalidRequestException(
        attachment.path() + ": the JWS payload must be a statement, a JSON object");
  }

  private static String read(AttachmentContent content) {
    try (InputStream in = content.content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a signature attachment failed", e);
    }
  }
}
