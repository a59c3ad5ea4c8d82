package org.lrs4j.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param host the address to listen on, such as {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the port to listen on; 0 picks a free port, which {@link LrsServer#start()} returns
 * @param baseUrl the public address of the server, such as {@code https://lrs.example.com/lrs}; its
 *     path is put in front of every {@code more} link, so that links work behind a proxy that
 *     serves the LRS under a path
 * @param maxBodyBytes the largest request body accepted, in bytes; larger requests get 413
 * @param corsOrigins the origins whose browser pages may call the LRS, such as {@code
 *     https://app.example.com}, or {@code *} for any origin; empty allows none
 */
public record HttpSettings(
    String host, int port, String baseUrl, long maxBodyBytes, List<String> corsOrigins) {

  /** Default largest request body: 10 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
    }
    URI uri = URI.create(baseUrl);
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("baseUrl must be an absolute URL, was " + baseUrl);
    }
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** Creates settings that allow no cross-origin browser requests. */
  public HttpSettings(String host, int port, String baseUrl, long maxBodyBytes) {
    this(host, port, baseUrl, maxBodyBytes, List.of());
  }

  /** Returns these settings with the given CORS origins. */
  public HttpSettings withCorsOrigins(List<String> origins) {
    return new HttpSettings(host, port, baseUrl, maxBodyBytes, origins);
  }

  /** Returns settings for a server on 127.0.0.1 at the given port, with default limits. */
  public static HttpSettings local(int port) {
    return new HttpSettings("127.0.0.1", port, "http://localhost:" + port, DEFAULT_MAX_BODY_BYTES);
  }

  /** Returns the path of {@link #baseUrl()} without a trailing slash, such as {@code /lrs}. */
  public String basePath() {
    String path = URI.create(baseUrl).getRawPath();
    if (path == null) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
