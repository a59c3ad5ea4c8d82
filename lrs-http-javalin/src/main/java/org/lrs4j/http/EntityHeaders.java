package org.lrs4j.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.lrs4j.core.document.DocumentService;

/** Writes the {@code ETag} and {@code Last-Modified} headers that every GET response carries. */
final class EntityHeaders {

  static final String ETAG = "ETag";
  static final String IF_MATCH = "If-Match";
  static final String IF_NONE_MATCH = "If-None-Match";

  private EntityHeaders() {}

  /** Sets {@code ETag} to the quoted tag and {@code Last-Modified} to the time. */
  static void set(Context ctx, String etag, Instant lastModified) {
    ctx.header(ETAG, "\"" + etag + "\"");
    ctx.header(XapiHeaders.LAST_MODIFIED, XapiHeaders.httpDate(lastModified));
  }

  /**
   * Responds 200 with a JSON body, its SHA-1 as {@code ETag} and the given {@code Last-Modified};
   * with {@code withBody} false, the headers only.
   */
  static void json(Context ctx, String json, Instant lastModified, boolean withBody) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    set(ctx, DocumentService.etagOf(body), lastModified);
    ctx.status(200).contentType(XapiHeaders.JSON);
    if (withBody) {
      ctx.result(body);
    } else {
      XapiHeaders.headLength(ctx, body);
    }
  }
}
