package org.lrs4j.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The request that an alternate-syntax request stands for: its method, headers (the form's header
 * parameters over the real headers), query parameters and body.
 */
final class AlternateRequest extends HttpServletRequestWrapper {

  private final String method;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final String queryString;
  private final byte[] content;

  AlternateRequest(
      HttpServletRequest request,
      String method,
      Map<String, String> formHeaders,
      Map<String, List<String>> parameters,
      byte[] content) {
    super(request);
    this.method = method;
    this.headers.putAll(formHeaders);
    this.headers.put("Content-Length", Integer.toString(content.length));
    if (!formHeaders.containsKey("Content-Type")) {
      // The real Content-Type describes the form, not the content it carries.
      this.headers.put("Content-Type", null);
    }
    this.queryString = encode(parameters);
    this.content = content;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getQueryString() {
    return queryString.isEmpty() ? null : queryString;
  }

  @Override
  public String getHeader(String name) {
    return headers.containsKey(name) ? headers.get(name) : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    if (!headers.containsKey(name)) {
      return super.getHeaders(name);
    }
    String value = headers.get(name);
    return Collections.enumeration(value == null ? List.of() : List.of(value));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
    headers.forEach(
        (name, value) -> {
          names.removeIf(existing -> existing.equalsIgnoreCase(name));
          if (value != null) {
            names.add(name);
          }
        });
    return Collections.enumeration(names);
  }

  @Override
  public String getContentType() {
    return headers.get("Content-Type");
  }

  @Override
  public int getContentLength() {
    return content.length;
  }

  @Override
  public long getContentLengthLong() {
    return content.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream bytes = new ByteArrayInputStream(content);
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the content is already in memory");
      }

      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
  }

  private static String encode(Map<String, List<String>> parameters) {
    return parameters.entrySet().stream()
        .flatMap(
            parameter ->
                parameter.getValue().stream()
                    .map(value -> escape(parameter.getKey()) + "=" + escape(value)))
        .collect(Collectors.joining("&"));
  }

  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
