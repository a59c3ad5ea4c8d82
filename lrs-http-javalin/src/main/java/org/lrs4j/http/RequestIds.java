package org.lrs4j.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.MDC;

/**
 * Gives every request an id, sent back in {@code X-Request-Id} and put in the logging context under
 * {@code requestId}, so that a client's report can be matched to the server log.
 */
final class RequestIds {

  static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = "lrs4j.requestId";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** Assigns an id to a new request. */
  static void assign(Context ctx) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(XapiHeaders.REQUEST_ID, id);
    MDC.put(MDC_KEY, id);
  }

  /** Returns the id of the request, or {@code -} when none was assigned. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
