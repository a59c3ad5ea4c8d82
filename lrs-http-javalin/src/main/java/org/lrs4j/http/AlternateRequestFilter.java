package org.lrs4j.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.LrsException;
import org.lrs4j.core.error.PayloadTooLargeException;

/**
 * Turns an xAPI 1.0.x alternate-syntax request into the request it stands for, before routing.
 *
 * <p>The alternate syntax is a POST whose only query parameter is {@code method}, the intended HTTP
 * method, with an {@code application/x-www-form-urlencoded} body. The form parameters {@code
 * Authorization}, {@code X-Experience-API-Version}, {@code Content-Type}, {@code Content-Length},
 * {@code If-Match} and {@code If-None-Match} act as headers, {@code content} is the body as UTF-8,
 * and every other form parameter is a query parameter. xAPI 2.0.0 removed the syntax.
 *
 * <p>A request with a {@code method} query parameter that is not a valid 1.0.x alternate request
 * passes on unchanged, with the failure stored under {@link #REJECTION}; a before-handler raises it
 * so the error response has the usual form.
 */
final class AlternateRequestFilter implements Filter {

  /** Request attribute holding the {@link LrsException} to raise for a rejected request. */
  static final String REJECTION = "lrs4j.alternateRequestRejection";

  static final String METHOD = "method";
  static final String CONTENT = "content";

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");
  private static final List<String> HEADER_PARAMETERS =
      List.of(
          XapiHeaders.AUTHORIZATION,
          XapiHeaders.VERSION,
          "Content-Type",
          "Content-Length",
          EntityHeaders.IF_MATCH,
          EntityHeaders.IF_NONE_MATCH);

  private final long maxBodyBytes;

  AlternateRequestFilter(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    Map<String, List<String>> query;
    try {
      query = parse(http.getQueryString());
    } catch (LrsException e) {
      http.setAttribute(REJECTION, e);
      chain.doFilter(request, response);
      return;
    }
    if (!query.containsKey(METHOD)) {
      chain.doFilter(request, response);
      return;
    }

    HttpServletRequest translated;
    try {
      translated = translate(http, query);
    } catch (LrsException e) {
      http.setAttribute(REJECTION, e);
      translated = http;
    }
    chain.doFilter(translated, response);
  }

  private HttpServletRequest translate(HttpServletRequest http, Map<String, List<String>> query)
      throws IOException {
    if (!http.getMethod().equals("POST")) {
      throw reject("it must be sent as a POST, and this request is a " + http.getMethod());
    }
    if (query.size() != 1 || query.get(METHOD).size() != 1) {
      throw reject("method must be the only query parameter; send the others as form parameters");
    }
    String method = query.get(METHOD).get(0).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw reject("method must be GET, PUT, POST or DELETE (value: " + method + ")");
    }
    if (http.getContentType() != null && !isForm(http.getContentType())) {
      throw reject("the body must be " + FORM + " (Content-Type: " + http.getContentType() + ")");
    }

    Map<String, List<String>> form = parse(readBody(http));
    Map<String, String> headers = headers(form);
    String version =
        Optional.ofNullable(headers.get(XapiHeaders.VERSION))
            .orElse(http.getHeader(XapiHeaders.VERSION));
    if (XapiVersion.fromHeader(version).filter(v -> !v.isV2()).isEmpty()) {
      throw reject(
          "only xAPI 1.0.x requests may use it (xAPI 2.0.0 removed it), and this request's "
              + XapiHeaders.VERSION
              + " is "
              + version);
    }

    byte[] content = single(form, CONTENT).orElse("").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> parameters = new LinkedHashMap<>(form);
    parameters.remove(CONTENT);
    HEADER_PARAMETERS.forEach(parameters::remove);
    return new AlternateRequest(http, method, headers, parameters, content);
  }

  private static Map<String, String> headers(Map<String, List<String>> form) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : HEADER_PARAMETERS) {
      single(form, name).ifPresent(value -> headers.put(name, value));
    }
    return headers;
  }

  private static Optional<String> single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() != 1) {
      throw new InvalidRequestException(name + ": form parameter must be given once");
    }
    return Optional.of(values.get(0));
  }

  private String readBody(HttpServletRequest http) throws IOException {
    try (InputStream in = http.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw new PayloadTooLargeException(
            "request body: larger than the limit of " + maxBodyBytes + " bytes");
      }
      return JsonBodies.utf8(body);
    }
  }

  /** Parses {@code a=1&b=2} strictly, as {@link QueryStrings#parse} does, keeping the order. */
  static Map<String, List<String>> parse(String encoded) {
    return QueryStrings.parse(encoded);
  }

  private static boolean isForm(String contentType) {
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(FORM);
  }

  private static InvalidRequestException reject(String reason) {
    return new InvalidRequestException(
        METHOD + ": invalid alternate request syntax, because " + reason);
  }
}
