package org.lrs4j.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.lrs4j.core.attachment.AttachmentContent;

/**
 * Writes a {@code multipart/mixed} response for {@code attachments=true}: first the statement or
 * StatementResult as {@code application/json}, then each attachment's content once, with {@code
 * Content-Transfer-Encoding: binary} and {@code X-Experience-API-Hash}.
 */
final class MultipartResponse {

  private MultipartResponse() {}

  /**
   * Sets the content type and, with {@code withBody}, the body, or without it the {@code
   * Content-Length} that the body would have. Attachment content is opened only while the body is
   * sent.
   */
  static void write(
      Context ctx, String json, List<AttachmentContent> attachments, boolean withBody) {
    // A random boundary cannot occur in the JSON part, which never contains "--lrs4j-" followed
    // by a fresh UUID, and is unlikely to occur by chance in attachment content.
    String boundary = "lrs4j-" + UUID.randomUUID();
    ctx.contentType("multipart/mixed; boundary=" + boundary);

    List<Supplier<InputStream>> pieces = new ArrayList<>();
    long length = 0;
    byte[] first =
        ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json)
            .getBytes(StandardCharsets.UTF_8);
    pieces.add(() -> new ByteArrayInputStream(first));
    length += first.length;
    for (AttachmentContent attachment : attachments) {
      byte[] headers =
          ("\r\n--" + boundary + "\r\n" + headers(attachment)).getBytes(StandardCharsets.UTF_8);
      pieces.add(() -> new ByteArrayInputStream(headers));
      pieces.add(() -> open(attachment));
      length += headers.length + attachment.length();
    }
    byte[] last = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    pieces.add(() -> new ByteArrayInputStream(last));
    length += last.length;

    if (withBody) {
      ctx.result(new SequenceInputStream(opened(pieces)));
    } else {
      ctx.header(XapiHeaders.CONTENT_LENGTH, Long.toString(length));
    }
  }

  private static String headers(AttachmentContent attachment) {
    return "Content-Type: "
        + attachment.contentType()
        + "\r\nContent-Transfer-Encoding: binary\r\n"
        + MultipartStatements.HASH_HEADER
        + ": "
        + attachment.sha2()
        + "\r\nContent-Length: "
        + attachment.length()
        + "\r\n\r\n";
  }

  private static InputStream open(AttachmentContent attachment) {
    try {
      return attachment.content().open();
    } catch (IOException e) {
      throw new UncheckedIOException("opening attachment " + attachment.sha2() + " failed", e);
    }
  }

  /** Returns the streams of the pieces, each opened only when the response reaches it. */
  private static Enumeration<InputStream> opened(List<Supplier<InputStream>> pieces) {
    Iterator<Supplier<InputStream>> next = pieces.iterator();
    return new Enumeration<>() {
      @Override
      public boolean hasMoreElements() {
        return next.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return next.next().get();
      }
    };
  }
}
