package org.lrs4j.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.lrs4j.core.error.ForbiddenException;

/**
 * Cross-origin resource sharing for browsers: responds to preflight requests and marks the
 * responses of simple and actual requests from the allowed origins, exposing the xAPI response
 * headers. Requests from other origins get no CORS headers, so browsers keep their responses from
 * scripts.
 */
final class Cors {

  static final String ORIGIN = "Origin";

  private static final String ANY_ORIGIN = "*";
  private static final String ALLOWED_METHODS = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS =
      "Accept, Accept-Encoding, Accept-Language, Authorization, Content-Type, Content-Length,"
          + " Content-Transfer-Encoding, If-Match, If-None-Match, X-Experience-API-Version";
  private static final String EXPOSED_HEADERS =
      "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through,"
          + " X-Request-Id";
  private static final String MAX_AGE_SECONDS = "600";

  private final Set<String> origins;

  /**
   * Creates the rules for the allowed origins, each a scheme, host and optional port such as {@code
   * https://app.example.com}, or {@code *} for every origin.
   */
  Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** Adds the CORS response headers to a request from an allowed origin. */
  void mark(Context ctx) {
    String origin = ctx.header(ORIGIN);
    if (origin == null || !allows(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    ctx.header("Vary", ORIGIN);
  }

  /**
   * Responds to an {@code OPTIONS} preflight request with 204 and the allowed methods and headers.
   *
   * @throws ForbiddenException when the origin is missing or not allowed
   */
  void preflight(Context ctx) {
    String origin = ctx.header(ORIGIN);
    if (origin == null || !allows(origin)) {
      throw new ForbiddenException(
          ORIGIN
              + ": "
              + (origin == null ? "missing" : origin + " is not an allowed origin")
              + "; add it to the server's CORS origins to let browser pages on it call the LRS");
    }
    ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    ctx.status(204);
  }

  private boolean allows(String origin) {
    return origins.contains(ANY_ORIGIN) || origins.contains(origin);
  }
}
