package org.lrs4j.core.attachment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Matches the attachments a batch declares with the raw data parts a request carried, by hash only,
 * as the xAPI multipart rules require. Thread safe.
 *
 * <ul>
 *   <li>Every part must be declared: its {@code X-Experience-API-Hash} equals the {@code sha2} of
 *       an attachment of the batch, its length equals that attachment's {@code length}, and its
 *       content hashes to that value.
 *   <li>Every attachment without a {@code fileUrl} must have a part. An attachment with a {@code
 *       fileUrl} may have one.
 *   <li>Hashes are compared without regard to case. One part serves every attachment with its hash.
 * </ul>
 *
 * <p>NOTE: a part's {@code Content-Type} is not compared with the attachment's {@code contentType},
 * although xAPI requires the two to match, because the multipart example of the xAPI 1.0.3
 * specification itself sends {@code text/plain} for {@code text/plain; charset=ascii}.
 */
public final class AttachmentMatching {

  private static final String HASH_HEADER = "X-Experience-API-Hash";

  /**
   * Checks the parts against the declared attachments and returns the content to store, one per
   * hash, in the order of the parts.
   *
   * @throws InvalidRequestException naming the hash when a rule above is broken
   */
  public List<AttachmentContent> match(List<Attachment> declared, List<AttachmentPart> parts) {
    Map<String, List<Attachment>> declaredByHash = new LinkedHashMap<>();
    for (Attachment attachment : declared) {
      declaredByHash.computeIfAbsent(attachment.sha2(), hash -> new ArrayList<>()).add(attachment);
    }

    Map<String, AttachmentContent> received = new LinkedHashMap<>();
    for (AttachmentPart part : parts) {
      String hash = Sha2.normalize(part.sha2());
      List<Attachment> matching = declaredByHash.get(hash);
      if (matching == null) {
        throw new InvalidRequestException(
            HASH_HEADER
                + ": no attachment in the statements declares sha2 "
                + part.sha2()
                + "; every part after the statements must be the content of a declared"
                + " attachment");
      }
      checkLength(part, matching);
      checkHash(part, hash);
      received.putIfAbsent(
          hash,
          new AttachmentContent(
              hash, matching.get(0).contentType(), part.length(), part.content()));
    }

    requireParts(declared, received);
    return List.copyOf(received.values());
  }

  private static void checkLength(AttachmentPart part, List<Attachment> matching) {
    for (Attachment attachment : matching) {
      if (attachment.length() != part.length()) {
        throw new InvalidRequestException(
            attachment.path()
                + ".length: declares "
                + attachment.length()
                + " octets, but the part with "
                + HASH_HEADER
                + " "
                + part.sha2()
                + " has "
                + part.length());
      }
    }
  }

  private static void checkHash(AttachmentPart part, String hash) {
    String algorithm = Sha2.algorithmOf(hash).orElseThrow();
    String actual = Sha2.hash(part.content(), algorithm);
    if (!actual.equals(hash)) {
      throw new InvalidRequestException(
          HASH_HEADER
              + ": "
              + part.sha2()
              + " is not the "
              + algorithm
              + " hash of the part's content, which is "
              + actual);
    }
  }

  private static void requireParts(
      List<Attachment> declared, Map<String, AttachmentContent> received) {
    for (Attachment attachment : declared) {
      if (attachment.fileUrl().isEmpty() && !received.containsKey(attachment.sha2())) {
        throw new InvalidRequestException(
            attachment.path()
                + ".sha2: no part carries the content of attachment "
                + attachment.sha2()
                + "; send it as a multipart/mixed part with "
                + HASH_HEADER
                + ", or give the attachment a fileUrl");
      }
    }
  }
}
