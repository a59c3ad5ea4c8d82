package org.lrs4j.core.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * An Attachment object that a statement declares: the metadata the LRS needs to match it with the
 * raw data of a request.
 *
 * @param path the JSON path of the object in the request, such as {@code [1].attachments[0]}, used
 *     in error messages
 * @param usageType the {@code usageType} IRI
 * @param contentType the {@code contentType} media type
 * @param length the {@code length} in octets
 * @param sha2 the {@code sha2} hash in lowercase hex
 * @param fileUrl the {@code fileUrl}, when present
 */
public record Attachment(
    String path,
    String usageType,
    String contentType,
    long length,
    String sha2,
    Optional<String> fileUrl) {

  /** Usage type of an attachment that contains a JWS signature of its statement. */
  public static final String SIGNATURE_USAGE_TYPE =
      "http://adlnet.gov/expapi/attachments/signature";

  public Attachment {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha2, "sha2");
    Objects.requireNonNull(fileUrl, "fileUrl");
  }

  /** Returns true when this attachment carries a signature of its statement. */
  public boolean isSignature() {
    return SIGNATURE_USAGE_TYPE.equals(usageType);
  }

  /**
   * Returns the attachments a statement declares, its own and those of a SubStatement object, in
   * order.
   *
   * @param statement the statement as the client sent it
   * @param prefix the path of the statement in the request, such as {@code [2]}, or empty
   * @throws InvalidRequestException when {@code attachments} is not an array of Attachment objects
   *     with the properties needed to match raw data: {@code usageType}, {@code contentType},
   *     {@code length} and {@code sha2}
   */
  public static List<Attachment> declaredBy(JsonNode statement, String prefix) {
    List<Attachment> attachments =
        new ArrayList<>(listedIn(statement.get("attachments"), join(prefix, "attachments")));
    JsonNode object = statement.path("object");
    if ("SubStatement".equals(object.path("objectType").asText())) {
      attachments.addAll(listedIn(object.get("attachments"), join(prefix, "object.attachments")));
    }
    return attachments;
  }

  /**
   * Returns the Attachment objects of one {@code attachments} array, or none when it is null.
   *
   * @param list the array
   * @param path the JSON path of the array, used in error messages
   * @throws InvalidRequestException as {@link #declaredBy}
   */
  public static List<Attachment> listedIn(JsonNode list, String path) {
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new InvalidRequestException(path + ": must be an array (value: " + list + ")");
    }
    List<Attachment> attachments = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      attachments.add(parse(list.get(i), path + "[" + i + "]"));
    }
    return attachments;
  }

  private static Attachment parse(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidRequestException(
          path + ": must be an Attachment object (value: " + node + ")");
    }
    String usageType = text(node, path, "usageType");
    String contentType = text(node, path, "contentType");
    JsonNode length = node.get("length");
    if (length == null || !length.isIntegralNumber() || length.longValue() < 0) {
      throw new InvalidRequestException(
          path + ".length: is required and must be a non-negative integer (value: " + length + ")");
    }
    String sha2 = text(node, path, "sha2");
    if (Sha2.algorithmOf(sha2).isEmpty()) {
      throw new InvalidRequestException(
          path
              + ".sha2: must be a SHA-2 hash in hex of 56, 64, 96 or 128 digits (value: "
              + sha2
              + ")");
    }
    JsonNode fileUrl = node.get("fileUrl");
    if (fileUrl != null && !fileUrl.isTextual()) {
      throw new InvalidRequestException(
          path + ".fileUrl: must be a string (value: " + fileUrl + ")");
    }
    return new Attachment(
        path,
        usageType,
        contentType,
        length.longValue(),
        Sha2.normalize(sha2),
        Optional.ofNullable(fileUrl).map(JsonNode::textValue));
  }

  private static String text(JsonNode node, String path, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new InvalidRequestException(
          path + "." + name + ": is required and must be a string (value: " + value + ")");
    }
    return value.textValue();
  }

  /** Returns the path of a property of the statement at {@code prefix}, which may be empty. */
  static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
