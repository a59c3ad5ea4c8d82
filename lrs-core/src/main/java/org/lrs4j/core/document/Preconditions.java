package org.lrs4j.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code If-Match} and {@code If-None-Match} headers of a write, parsed into entity tags.
 *
 * @param ifMatch the tags from {@code If-Match} ({@code *} kept as is), or null when absent
 * @param ifNoneMatch the tags from {@code If-None-Match}, or null when absent
 */
public record Preconditions(List<String> ifMatch, List<String> ifNoneMatch) {

  /** Preconditions of a request that sent neither header. */
  public static final Preconditions NONE = new Preconditions(null, null);

  public Preconditions {
    ifMatch = ifMatch == null ? null : List.copyOf(ifMatch);
    ifNoneMatch = ifNoneMatch == null ? null : List.copyOf(ifNoneMatch);
  }

  /** Parses the two header values, either of which may be null. */
  public static Preconditions parse(String ifMatch, String ifNoneMatch) {
    return new Preconditions(tags(ifMatch), tags(ifNoneMatch));
  }

  /** Returns true when the request sent neither header. */
  public boolean isEmpty() {
    return ifMatch == null && ifNoneMatch == null;
  }

  /**
   * Returns a description of the failed precondition for a document's current state, or empty when
   * every precondition holds. The ETag is compared without quotes and without a weak prefix.
   */
  public Optional<String> failure(Optional<Document> current) {
    if (ifMatch != null) {
      if (current.isEmpty()) {
        return Optional.of("If-Match: the document does not exist");
      }
      if (!matches(ifMatch, current.get().etag())) {
        return Optional.of(
            "If-Match: "
                + String.join(", ", ifMatch)
                + " does not match the current ETag \""
                + current.get().etag()
                + "\"");
      }
    }
    if (ifNoneMatch != null && current.isPresent() && matches(ifNoneMatch, current.get().etag())) {
      return Optional.of(
          "If-None-Match: " + String.join(", ", ifNoneMatch) + " matches the existing document");
    }
    return Optional.empty();
  }

  private static boolean matches(List<String> tags, String etag) {
    for (String tag : tags) {
      if (tag.equals("*") || tag.equalsIgnoreCase(etag)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tags(String header) {
    if (header == null) {
      return null;
    }
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
