package org.lrs4j.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the body of a statement PUT or POST: {@code application/json}, or {@code multipart/mixed}
 * with attachment parts. Both are limited to the configured maximum request size. Thread safe.
 */
final class StatementBodies {

  /** Largest attachment part kept in memory; larger parts are spooled to a temporary file. */
  static final int PART_MEMORY_THRESHOLD = 64 * 1024;

  private final JsonBodies json;
  private final MultipartStatements multipart;
  private final long maxBodyBytes;

  StatementBodies(JsonBodies json, long maxBodyBytes) {
    this.json = json;
    this.multipart = new MultipartStatements(json, new PartSpool(PART_MEMORY_THRESHOLD));
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Reads the body; the caller closes it to delete spooled parts.
   *
   * @throws org.lrs4j.core.error.PayloadTooLargeException when the body is larger than the limit
   * @throws org.lrs4j.core.error.InvalidRequestException when the body is malformed
   */
  StatementBody read(Context ctx) {
    String contentType = ctx.contentType();
    if (!MultipartStatements.isMultipart(contentType)) {
      return StatementBody.json(json.read(ctx));
    }

    if (ctx.contentLength() > maxBodyBytes) {
      throw LimitedInputStream.tooLarge(maxBodyBytes);
    }
    try (InputStream body = new LimitedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
      return multipart.read(body, contentType);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a multipart/mixed request body failed", e);
    }
  }
}
