package org.lrs4j.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Rules for the metadata of a statement's {@code attachments}. */
final class AttachmentRules {

  private static final Set<String> ATTACHMENT_PROPERTIES =
      Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

  private AttachmentRules() {}

  static void attachments(ObjectNode statement, JsonPath path, Checker checker) {
    ArrayNode attachments = checker.array(statement, "attachments", path, false);
    if (attachments == null) {
      return;
    }
    JsonPath listPath = path.child("attachments");
    for (int i = 0; i < attachments.size(); i++) {
      ObjectNode attachment = checker.asObject(attachments.get(i), listPath.index(i));
      if (attachment != null) {
        attachment(attachment, listPath.index(i), checker);
      }
    }
  }

  private static void attachment(ObjectNode attachment, JsonPath path, Checker checker) {
    checker.allowOnly(attachment, path, ATTACHMENT_PROPERTIES);
    checker.iri(attachment, "usageType", path, true);
    checker.languageMap(attachment, "display", path, true);
    checker.languageMap(attachment, "description", path, false);
    String contentType = checker.string(attachment, "contentType", path, true);
    if (contentType != null && !Formats.isMediaType(contentType)) {
      checker.add(
          path.child("contentType"),
          attachment.get("contentType"),
          "must be an Internet media type such as application/pdf");
    }
    JsonNode length = checker.value(attachment, "length", path, true);
    if (length != null && (!length.isIntegralNumber() || length.longValue() < 0)) {
      checker.add(path.child("length"), length, "must be a non-negative integer number of octets");
    }
    String sha2 = checker.string(attachment, "sha2", path, true);
    if (sha2 != null && !Formats.isSha2(sha2)) {
      checker.add(
          path.child("sha2"),
          attachment.get("sha2"),
          "must be a hex SHA-2 hash (56, 64, 96 or 128 hex digits)");
    }
    checker.irl(attachment, "fileUrl", path, false);
  }
}
