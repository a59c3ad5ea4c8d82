package org.lrs4j.persistence.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lrs4j.core.attachment.AttachmentContent;

/** The SQL of the attachment table, which keeps each attachment's content once per hash. */
final class AttachmentSql {

  private AttachmentSql() {}

  /**
   * Inserts the content whose hash is not stored yet, inside the caller's transaction.
   *
   * <p>NOTE: each content is read into memory whole while it is bound, one at a time, so the
   * largest attachment must fit in the heap.
   */
  static void insert(Handle handle, List<AttachmentContent> attachments) {
    if (attachments.isEmpty()) {
      return;
    }
    PreparedBatch insert =
        handle.prepareBatch(
            "INSERT INTO attachment (sha2, content_type, length, content)"
                + " VALUES (:sha2, :contentType, :length, :content) ON CONFLICT (sha2) DO NOTHING");
    for (AttachmentContent attachment : attachments) {
      insert
          .bind("sha2", attachment.sha2())
          .bind("contentType", attachment.contentType())
          .bind("length", attachment.length())
          .bind("content", read(attachment))
          .add();
    }
    insert.execute();
  }

  /**
   * Finds the content stored under a hash. The returned source reads the octets from the database
   * each time it is opened, so a response with many attachments keeps one of them in memory at a
   * time.
   */
  static Optional<AttachmentContent> find(Jdbi reader, String sha2) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery("SELECT content_type, length FROM attachment WHERE sha2 = :sha2")
                .bind("sha2", sha2)
                .map(
                    (rs, ctx) ->
                        new AttachmentContent(
                            sha2,
                            rs.getString("content_type"),
                            rs.getLong("length"),
                            () -> new ByteArrayInputStream(content(reader, sha2))))
                .findOne());
  }

  private static byte[] content(Jdbi reader, String sha2) throws IOException {
    return reader
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT content FROM attachment WHERE sha2 = :sha2")
                    .bind("sha2", sha2)
                    .mapTo(byte[].class)
                    .findOne())
        .orElseThrow(() -> new IOException("attachment " + sha2 + " is no longer stored"));
  }

  private static byte[] read(AttachmentContent attachment) {
    try (InputStream in = attachment.content().open()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length != attachment.length()) {
        throw new IllegalStateException(
            "attachment "
                + attachment.sha2()
                + " has "
                + bytes.length
                + " octets, not the "
                + attachment.length()
                + " it declares");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("reading attachment " + attachment.sha2() + " failed", e);
    }
  }
}
