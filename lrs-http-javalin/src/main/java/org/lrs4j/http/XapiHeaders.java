package org.lrs4j.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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

  private XapiHeaders() {}

  /** Formats a time as an HTTP-date (RFC 9110), as {@code Last-Modified} requires. */
  static String httpDate(Instant time) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
  }
}
