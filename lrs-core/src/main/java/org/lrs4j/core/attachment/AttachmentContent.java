package org.lrs4j.core.attachment;

import java.util.Objects;

/**
 * The stored data of an attachment, kept once per hash however many statements declare it.
 *
 * @param sha2 the SHA-2 hash of the content in lowercase hex; it identifies the content
 * @param contentType the {@code contentType} of the attachment that first brought the content
 * @param length the number of octets
 * @param content the octets
 */
public record AttachmentContent(
    String sha2, String contentType, long length, ContentSource content) {

  public AttachmentContent {
    Objects.requireNonNull(sha2, "sha2");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    if (!sha2.equals(Sha2.normalize(sha2)) || Sha2.algorithmOf(sha2).isEmpty()) {
      throw new IllegalArgumentException("sha2 must be a lowercase hex SHA-2 hash, was " + sha2);
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, was " + length);
    }
  }
}
