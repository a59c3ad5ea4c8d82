package org.lrs4j.core.attachment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lrs4j.core.attachment.AttachmentMatchingTest.MAPPER;
import static org.lrs4j.core.attachment.AttachmentMatchingTest.attachment;
import static org.lrs4j.core.attachment.AttachmentMatchingTest.statement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.port.SignatureVerifier;

/**
 * The signed statement rules, with a verifier that takes the attachment content for the payload, so
 * that each test controls the payload and the algorithm directly.
 */
class SignedStatementsTest {

  private static final String ID = "4f9b3e7c-2d1a-4c3b-9e8f-1a2b3c4d5e6f";

  @Test
  void equalPayloadIsAccepted() {
    ObjectNode statement = signable();

    assertThatCode(() -> check(statement, payload(statement), "RS256", XapiVersion.V1_0_3))
        .doesNotThrowAnyException();
  }

  @Test
  void payloadWithOtherPropertyOrderIsAccepted() {
    ObjectNode statement = signable();
    ObjectNode reordered = MAPPER.createObjectNode();
    reordered.set("object", statement.get("object"));
    reordered.set("verb", statement.get("verb"));
    reordered.set("actor", statement.get("actor"));
    reordered.set("id", statement.get("id"));

    assertThatCode(() -> check(statement, reordered.toString(), "RS384", XapiVersion.V1_0_3))
        .doesNotThrowAnyException();
  }

  @Test
  void differentPayloadIsRejected() {
    ObjectNode statement = signable();
    ObjectNode other = statement.deepCopy();
    other.remove("attachments");
    other.with("verb").put("id", "http://adlnet.gov/expapi/verbs/failed");

    assertThatThrownBy(() -> check(statement, other.toString(), "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0]")
        .hasMessageContaining("differs from the statement");
  }

  @Test
  void payloadWithOtherIdIsRejected() {
    ObjectNode statement = signable();
    ObjectNode other = (ObjectNode) AttachmentMatchingTest.json(payload(statement));
    other.put("id", UUID.randomUUID().toString());

    assertThatThrownBy(() -> check(statement, other.toString(), "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("differs from the statement");
  }

  @Test
  void payloadWithExtraTimestampIsRejected() {
    ObjectNode statement = signable();
    ObjectNode other = (ObjectNode) AttachmentMatchingTest.json(payload(statement));
    other.put("timestamp", "2024-03-01T10:00:00.000Z");

    assertThatThrownBy(() -> check(statement, other.toString(), "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void otherAlgorithmIsRejected() {
    ObjectNode statement = signable();

    assertThatThrownBy(() -> check(statement, payload(statement), "HS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("RS256, RS384 or RS512")
        .hasMessageContaining("HS256");
  }

  @Test
  void payloadThatIsNotJsonIsRejected() {
    ObjectNode statement = signable();

    assertThatThrownBy(() -> check(statement, "{not json", "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void signatureWithOtherContentTypeIsRejected() {
    ObjectNode statement = signable();
    String payload = payload(statement);
    withSignature(statement, payload).put("contentType", "application/jose");

    assertThatThrownBy(() -> check(statement, payload, "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0].contentType")
        .hasMessageContaining("application/jose");
  }

  @Test
  void signatureWithoutPartIsRejected() {
    ObjectNode statement = signable();
    withSignature(statement, payload(statement));
    SignedStatements signatures = new SignedStatements(fake("RS256"), MAPPER);

    assertThatThrownBy(() -> signatures.check(statement, "", Map.of(), XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be sent as a multipart/mixed part");
  }

  @Test
  void verifierRejectionIsPassedOn() {
    ObjectNode statement = signable();
    SignatureVerifier malformed =
        jws -> {
          throw new InvalidRequestException("malformed JWS");
        };
    SignedStatements signatures = new SignedStatements(malformed, MAPPER);
    AttachmentContent content = content(payload(statement));
    withSignature(statement, payload(statement));

    assertThatThrownBy(
            () ->
                signatures.check(
                    statement, "", Map.of(content.sha2(), content), XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("attachments[0]: malformed JWS");
  }

  @Test
  void durationIsComparedToHundredthsUnder2() {
    ObjectNode statement = signable();
    statement.putObject("result").put("duration", "PT1.12S");
    ObjectNode signed = (ObjectNode) AttachmentMatchingTest.json(payload(statement));
    signed.with("result").put("duration", "PT1.129S");

    assertThatCode(() -> check(statement, signed.toString(), "RS256", XapiVersion.V2_0_0))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check(statement, signed.toString(), "RS256", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void durationDifferingInHundredthsIsRejectedUnder2() {
    ObjectNode statement = signable();
    statement.putObject("result").put("duration", "PT1.12S");
    ObjectNode signed = (ObjectNode) AttachmentMatchingTest.json(payload(statement));
    signed.with("result").put("duration", "PT1.13S");

    assertThatThrownBy(() -> check(statement, signed.toString(), "RS256", XapiVersion.V2_0_0))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void unavailableVerifierRejectsSignedStatements() {
    ObjectNode statement = signable();
    SignedStatements signatures = new SignedStatements(SignatureVerifier.unavailable(), MAPPER);
    AttachmentContent content = content(payload(statement));
    withSignature(statement, payload(statement));

    assertThatThrownBy(
            () ->
                signatures.check(
                    statement, "", Map.of(content.sha2(), content), XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no signature verifier");
  }

  @Test
  void statementWithoutSignatureIsNotChecked() {
    ObjectNode statement =
        statement(attachment("essay".getBytes(StandardCharsets.UTF_8), "text/plain", null));
    SignatureVerifier failing =
        jws -> {
          throw new AssertionError("the verifier must not be called");
        };

    assertThatCode(
            () ->
                new SignedStatements(failing, MAPPER)
                    .check(statement, "", Map.of(), XapiVersion.V2_0_0))
        .doesNotThrowAnyException();
  }

  /** Returns a statement with an id and a signature attachment whose content is a placeholder. */
  private static ObjectNode signable() {
    ObjectNode statement = statement();
    statement.put("id", ID);
    return statement;
  }

  private static String payload(ObjectNode statement) {
    ObjectNode copy = statement.deepCopy();
    copy.remove("attachments");
    return copy.toString();
  }

  /** Adds the signature attachment for the payload to the statement and runs the check. */
  private static void check(
      ObjectNode statement, String payload, String algorithm, XapiVersion version) {
    AttachmentContent content = content(payload);
    if (statement.path("attachments").isEmpty()) {
      withSignature(statement, payload);
    }
    List<Attachment> declared = Attachment.declaredBy(statement, "");
    Map<String, AttachmentContent> received = Map.of(declared.get(0).sha2(), content);
    new SignedStatements(fake(algorithm), MAPPER).check(statement, "", received, version);
  }

  /** Adds a signature attachment whose content is the payload, and returns the attachment. */
  private static ObjectNode withSignature(ObjectNode statement, String payload) {
    ObjectNode signature =
        attachment(payload.getBytes(StandardCharsets.UTF_8), "application/octet-stream", null);
    signature.put("usageType", Attachment.SIGNATURE_USAGE_TYPE);
    statement.withArray("attachments").add(signature);
    return signature;
  }

  private static AttachmentContent content(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return new AttachmentContent(
        AttachmentMatchingTest.sha256(bytes),
        "application/octet-stream",
        bytes.length,
        ContentSource.of(bytes));
  }

  private static SignatureVerifier fake(String algorithm) {
    return jws -> new SignedPayload(jws, algorithm);
  }
}
