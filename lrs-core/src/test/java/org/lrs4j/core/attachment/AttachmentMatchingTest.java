package org.lrs4j.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.InvalidRequestException;

class AttachmentMatchingTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final byte[] ESSAY = "an essay on algebra".getBytes(StandardCharsets.UTF_8);
  static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0, 13, 10, 26, 10};

  private final AttachmentMatching matching = new AttachmentMatching();

  @Test
  void declaredPartIsReturnedForStorage() {
    List<Attachment> declared = declared(attachment(ESSAY, "text/plain", null));

    List<AttachmentContent> contents = matching.match(declared, List.of(part(ESSAY)));

    assertThat(contents).hasSize(1);
    assertThat(contents.get(0).sha2()).isEqualTo(sha256(ESSAY));
    assertThat(contents.get(0).contentType()).isEqualTo("text/plain");
    assertThat(contents.get(0).length()).isEqualTo(ESSAY.length);
  }

  @Test
  void hashIsMatchedWithoutRegardToCase() {
    List<Attachment> declared = declared(attachment(ESSAY, "text/plain", null));
    AttachmentPart upper =
        new AttachmentPart(
            sha256(ESSAY).toUpperCase(Locale.ROOT), null, ESSAY.length, ContentSource.of(ESSAY));

    assertThat(matching.match(declared, List.of(upper))).hasSize(1);
  }

  @Test
  void sharedAttachmentIsStoredOnce() {
    ObjectNode first = statement(attachment(PHOTO, "image/png", null));
    ObjectNode second = statement(attachment(PHOTO, "image/png", null));
    List<Attachment> declared =
        concat(Attachment.declaredBy(first, "[0]"), Attachment.declaredBy(second, "[1]"));

    List<AttachmentContent> contents = matching.match(declared, List.of(part(PHOTO)));

    assertThat(contents).extracting(AttachmentContent::sha2).containsExactly(sha256(PHOTO));
  }

  @Test
  void fileUrlAttachmentNeedsNoPart() {
    List<Attachment> declared =
        declared(attachment(ESSAY, "text/plain", "https://files.example.com/essay.txt"));

    assertThat(matching.match(declared, List.of())).isEmpty();
  }

  @Test
  void fileUrlAttachmentMayHavePart() {
    List<Attachment> declared =
        declared(attachment(ESSAY, "text/plain", "https://files.example.com/essay.txt"));

    assertThat(matching.match(declared, List.of(part(ESSAY)))).hasSize(1);
  }

  @Test
  void missingPartIsRejectedNamingHash() {
    List<Attachment> declared = declared(attachment(ESSAY, "text/plain", null));

    assertThatThrownBy(() -> matching.match(declared, List.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0].sha2")
        .hasMessageContaining(sha256(ESSAY));
  }

  @Test
  void undeclaredPartIsRejectedNamingHash() {
    List<Attachment> declared = declared(attachment(ESSAY, "text/plain", null));

    assertThatThrownBy(() -> matching.match(declared, List.of(part(ESSAY), part(PHOTO))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("X-Experience-API-Hash")
        .hasMessageContaining(sha256(PHOTO));
  }

  @Test
  void lengthMismatchIsRejected() {
    ObjectNode attachment = attachment(ESSAY, "text/plain", null);
    attachment.put("length", ESSAY.length + 1);

    assertThatThrownBy(() -> matching.match(declared(attachment), List.of(part(ESSAY))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0].length")
        .hasMessageContaining(sha256(ESSAY));
  }

  @Test
  void contentNotMatchingItsHashIsRejected() {
    List<Attachment> declared = declared(attachment(ESSAY, "text/plain", null));
    byte[] other = "an essay on algebrX".getBytes(StandardCharsets.UTF_8);
    AttachmentPart forged =
        new AttachmentPart(sha256(ESSAY), "text/plain", other.length, ContentSource.of(other));

    assertThatThrownBy(() -> matching.match(declared, List.of(forged)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not the SHA-256 hash")
        .hasMessageContaining(sha256(other));
  }

  @Test
  void sha512IsRecognizedByLength() {
    ObjectNode attachment = attachment(ESSAY, "text/plain", null);
    String sha512 = Sha2.hash(ContentSource.of(ESSAY), "SHA-512");
    attachment.put("sha2", sha512);
    AttachmentPart part =
        new AttachmentPart(sha512, "text/plain", ESSAY.length, ContentSource.of(ESSAY));

    assertThat(matching.match(declared(attachment), List.of(part)))
        .extracting(AttachmentContent::sha2)
        .containsExactly(sha512);
  }

  @Test
  void subStatementAttachmentNeedsPart() {
    ObjectNode statement = statement(attachment(ESSAY, "text/plain", null));
    ObjectNode outer = MAPPER.createObjectNode();
    statement.put("objectType", "SubStatement");
    outer.set("object", statement);

    assertThatThrownBy(() -> matching.match(Attachment.declaredBy(outer, ""), List.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("object.attachments[0].sha2");
  }

  @Test
  void malformedMetadataIsRejectedNamingPath() {
    ObjectNode attachment = attachment(ESSAY, "text/plain", null);
    attachment.put("sha2", "not-a-hash");

    assertThatThrownBy(() -> declared(attachment))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0].sha2")
        .hasMessageContaining("not-a-hash");
  }

  @Test
  void missingLengthIsRejectedNamingPath() {
    ObjectNode attachment = attachment(ESSAY, "text/plain", null);
    attachment.remove("length");

    assertThatThrownBy(() -> declared(attachment))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attachments[0].length");
  }

  static List<Attachment> declared(ObjectNode... attachments) {
    return Attachment.declaredBy(statement(attachments), "");
  }

  static ObjectNode statement(ObjectNode... attachments) {
    ObjectNode statement = MAPPER.createObjectNode();
    statement.putObject("actor").put("mbox", "mailto:alice@example.com");
    statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
    statement.putObject("object").put("id", "http://example.com/courses/algebra");
    ArrayNode list = statement.putArray("attachments");
    for (ObjectNode attachment : attachments) {
      list.add(attachment);
    }
    return statement;
  }

  static ObjectNode attachment(byte[] content, String contentType, String fileUrl) {
    ObjectNode attachment = MAPPER.createObjectNode();
    attachment.put("usageType", "http://example.com/attachment-usage/essay");
    attachment.putObject("display").put("en-US", "essay");
    attachment.put("contentType", contentType);
    attachment.put("length", content.length);
    attachment.put("sha2", sha256(content));
    if (fileUrl != null) {
      attachment.put("fileUrl", fileUrl);
    }
    return attachment;
  }

  static AttachmentPart part(byte[] content) {
    return new AttachmentPart(
        sha256(content), "application/octet-stream", content.length, ContentSource.of(content));
  }

  static String sha256(byte[] content) {
    return Sha2.hash(ContentSource.of(content), "SHA-256");
  }

  private static List<Attachment> concat(List<Attachment> first, List<Attachment> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
