package org.lrs4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lrs4j.core.attachment.AttachmentPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a statement PUT or POST: the statements, and the attachment parts when the request
 * was {@code multipart/mixed}. Closing it deletes the temporary files that large parts were spooled
 * to.
 *
 * @param json the statement or array of statements
 * @param parts the parts after the statements, in request order; empty for a JSON request
 * @param spooled the temporary files behind some of the parts
 */
record StatementBody(JsonNode json, List<AttachmentPart> parts, List<Path> spooled)
    implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatementBody.class);

  StatementBody {
    parts = List.copyOf(parts);
    spooled = List.copyOf(spooled);
  }

  /** Returns the body of a JSON request, which has no parts. */
  static StatementBody json(JsonNode json) {
    return new StatementBody(json, List.of(), List.of());
  }

  /** Deletes the spooled files; a file that cannot be deleted is logged and left behind. */
  @Override
  public void close() {
    for (Path file : spooled) {
      deleteQuietly(file);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("deleting the spooled attachment part {} failed", file, e);
    }
  }
}
