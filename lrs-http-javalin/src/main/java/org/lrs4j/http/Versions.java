package org.lrs4j.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Negotiates the xAPI version of a request from its {@code X-Experience-API-Version} header and
 * answers with the same header.
 */
final class Versions {

  /** Version sent on responses to requests whose version header is missing or not supported. */
  static final XapiVersion FALLBACK = XapiVersion.V2_0_0;

  private static final String ATTRIBUTE = "lrs4j.version";

  private Versions() {}

  /**
   * Reads the request's version and sets the response header to it.
   *
   * @throws InvalidRequestException when the header is missing or names a version this LRS does not
   *     support
   */
  static XapiVersion require(Context ctx) {
    String header = ctx.header(XapiHeaders.VERSION);
    if (header == null) {
      throw new InvalidRequestException(
          XapiHeaders.VERSION
              + ": missing; send 1.0.3 or 2.0.0 (also accepted: 1.0, 1.0.0 to 1.0.2,"
              + " 2.0)");
    }
    XapiVersion version =
        XapiVersion.fromHeader(header)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        XapiHeaders.VERSION
                            + ": unsupported version "
                            + shorten(header)
                            + "; supported are 1.0, 1.0.0 to 1.0.3, 2.0 and 2.0.0"));
    ctx.attribute(ATTRIBUTE, version);
    ctx.header(XapiHeaders.VERSION, version.header());
    return version;
  }

  /** Reads the request's version when it is supported, without rejecting the request. */
  static Optional<XapiVersion> optional(Context ctx) {
    return XapiVersion.fromHeader(ctx.header(XapiHeaders.VERSION));
  }

  /**
   * Returns the version to send on the response: the negotiated one, else the request's header when
   * it is supported, else {@link #FALLBACK}.
   */
  static XapiVersion negotiated(Context ctx) {
    XapiVersion version = ctx.attribute(ATTRIBUTE);
    if (version != null) {
      return version;
    }
    return optional(ctx).orElse(FALLBACK);
  }

  private static String shorten(String value) {
    return value.length() <= 20 ? value : value.substring(0, 17) + "...";
  }
}
