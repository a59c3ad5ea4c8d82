package org.lrs4j.core.document;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stored document: bytes kept exactly as sent, with their content type.
 *
 * @param key where the document lives
 * @param content the bytes
 * @param contentType the media type sent with the content
 * @param etag lowercase SHA-1 hex of the content, without quotes
 * @param updated when the document last changed
 */
public record Document(
    DocumentKey key, byte[] content, String contentType, String etag, Instant updated) {

  public Document {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(updated, "updated");
  }

  /** Returns true when the content type is JSON, parameters such as {@code charset} aside. */
  public boolean isJson() {
    return DocumentService.isJsonMediaType(contentType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Document that
        && key.equals(that.key)
        && Arrays.equals(content, that.content)
        && contentType.equals(that.contentType)
        && etag.equals(that.etag)
        && updated.equals(that.updated);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(content), contentType, etag, updated);
  }

  @Override
  public String toString() {
    return "Document[" + key + ", " + contentType + ", " + content.length + " bytes]";
  }
}
