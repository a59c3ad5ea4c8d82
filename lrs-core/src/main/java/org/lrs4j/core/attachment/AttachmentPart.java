package org.lrs4j.core.attachment;

import java.util.Objects;

/**
 * The raw data of one attachment as a request carried it: a part of a {@code multipart/mixed} body
 * after the statements.
 *
 * @param sha2 the hash the part's {@code X-Experience-API-Hash} header claims, not yet checked
 * @param contentType the part's {@code Content-Type} header, or null when it has none
 * @param length the number of octets in the part
 * @param content the octets
 */
public record AttachmentPart(String sha2, String contentType, long length, ContentSource content) {

  public AttachmentPart {
    Objects.requireNonNull(sha2, "sha2");
    Objects.requireNonNull(content, "content");
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, was " + length);
    }
  }
}
