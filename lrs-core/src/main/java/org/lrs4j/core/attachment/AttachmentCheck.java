package org.lrs4j.core.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.port.SignatureVerifier;

/**
 * Checks the attachments of a batch before it is stored: matches declared attachments with the
 * parts of the request ({@link AttachmentMatching}), then checks the signed statements ({@link
 * SignedStatements}). Thread safe.
 */
public final class AttachmentCheck {

  private final AttachmentMatching matching = new AttachmentMatching();
  private final SignedStatements signatures;

  public AttachmentCheck(SignatureVerifier verifier, ObjectMapper mapper) {
    this.signatures = new SignedStatements(verifier, mapper);
  }

  /**
   * Returns the attachment content to store with the batch, one per hash.
   *
   * @param statements the statements as the client sent them, already valid
   * @param parts the raw data parts of the request; empty for an {@code application/json} request
   * @param version the rule set of the request
   * @throws InvalidRequestException when an attachment, a part or a signature breaks a rule
   */
  public List<AttachmentContent> check(
      List<JsonNode> statements, List<AttachmentPart> parts, XapiVersion version) {
    List<Attachment> declared = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      declared.addAll(Attachment.declaredBy(statements.get(i), prefix(statements, i)));
    }
    List<AttachmentContent> contents = matching.match(declared, parts);

    Map<String, AttachmentContent> byHash = new LinkedHashMap<>();
    contents.forEach(content -> byHash.put(content.sha2(), content));
    for (int i = 0; i < statements.size(); i++) {
      signatures.check(statements.get(i), prefix(statements, i), byHash, version);
    }
    return contents;
  }

  private static String prefix(List<JsonNode> statements, int index) {
    return statements.size() > 1 ? "[" + index + "]" : "";
  }
}
