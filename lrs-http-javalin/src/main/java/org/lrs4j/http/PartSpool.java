package org.lrs4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lrs4j.core.attachment.ContentSource;

/**
 * Copies the content of a request part so that it can be read again: into memory up to a threshold,
 * and into a temporary file beyond it, so a request with large attachments is never held in memory
 * whole.
 */
final class PartSpool {

  private final int memoryThreshold;

  /**
   * @param memoryThreshold the largest part, in bytes, kept in memory
   */
  PartSpool(int memoryThreshold) {
    this.memoryThreshold = memoryThreshold;
  }

  /**
   * Copies the stream to its end.
   *
   * @return the copy; its file, when there is one, must be deleted by the caller
   */
  Spooled spool(InputStream in) throws IOException {
    byte[] head = in.readNBytes(memoryThreshold + 1);
    if (head.length <= memoryThreshold) {
      return new Spooled(head.length, ContentSource.of(head), null);
    }

    Path file = Files.createTempFile("lrs4j-part-", ".bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      long length = head.length + in.transferTo(out);
      return new Spooled(length, () -> Files.newInputStream(file), file);
    } catch (IOException | RuntimeException e) {
      StatementBody.deleteQuietly(file);
      throw e;
    }
  }

  /**
   * A spooled part.
   *
   * @param length the number of bytes
   * @param content the bytes
   * @param file the temporary file, or null when the bytes are in memory
   */
  record Spooled(long length, ContentSource content, Path file) {}
}
