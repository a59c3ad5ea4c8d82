package org.lrs4j.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names and formats of the headers the xAPI adds to HTTP. */
final class XapiHeaders {

  static final String VERSION = "X-Experience-API-Version";
  static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
  static final String REQUEST_ID = "X-Request-Id";
  static final String LAST_MODIFIED = "Last-Modified";
  static final String AUTHORIZATION = "Authorization";
  static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  static final String ACCEPT_LANGUAGE = "Accept-Language";

  static final String JSON = "application/json; charset=utf-8";
  static final String CONTENT_LENGTH = "Content-Length";
  static final String CONTENT_ENCODING = "Content-Encoding";

  // IMF-fixdate always has a two-digit day; RFC_1123_DATE_TIME prints "4 Dec" for the 4th.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  private XapiHeaders() {}

  /** Formats a time as an IMF-fixdate (RFC 9110), as {@code Last-Modified} requires. */
  static String httpDate(Instant time) {
    return IMF_FIXDATE.format(time.atOffset(ZoneOffset.UTC));
  }

  /**
   * Sets {@code Content-Length} for a HEAD response, which has no body but must announce the length
   * that GET would send.
   */
  static void headLength(Context ctx, byte[] body) {
    ctx.header(CONTENT_LENGTH, Integer.toString(body.length));
  }
}
