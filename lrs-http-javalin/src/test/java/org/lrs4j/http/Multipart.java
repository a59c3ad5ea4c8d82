package org.lrs4j.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/** Builds {@code multipart/mixed} request bodies and parses response bodies, for tests. */
final class Multipart {

  /** The boundary of the xAPI specification's example, which uses every allowed character class. */
  static final String BOUNDARY = "abcABC0123'()+_,-./:=?";

  static final String CONTENT_TYPE = "multipart/mixed; boundary=\"" + BOUNDARY + "\"";

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Starts a body whose first part contains the statements as {@code application/json}. */
  static Multipart statements(String json) {
    return new Multipart().part(Map.of("Content-Type", "application/json"), bytes(json));
  }

  /** Adds an attachment part with the headers the xAPI requires. */
  Multipart attachment(String contentType, String sha2, byte[] content) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Transfer-Encoding", "binary");
    headers.put("X-Experience-API-Hash", sha2);
    return part(headers, content);
  }

  /** Adds a part with exactly these headers. */
  Multipart part(Map<String, String> headers, byte[] content) {
    write("--" + BOUNDARY + "\r\n");
    headers.forEach((name, value) -> write(name + ":" + value + "\r\n"));
    write("\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** Returns the body with its closing delimiter. */
  byte[] build() {
    write("--" + BOUNDARY + "--\r\n");
    return body.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(bytes(text));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A parsed part: its headers, by lowercase name, and its content. */
  record Part(Map<String, String> headers, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** Parses a {@code multipart/mixed} body with mime4j. */
  static List<Part> parse(byte[] body, String contentType) {
    MimeTokenStream stream =
        new MimeTokenStream(MimeConfig.custom().setStrictParsing(true).setMaxLineLen(-1).build());
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    stream.parseHeadless(new ByteArrayInputStream(body), contentType);
    List<Part> parts = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = stream.next()) {
        switch (state) {
          case T_START_BODYPART -> headers = new LinkedHashMap<>();
          case T_FIELD ->
              headers.put(
                  stream.getField().getNameLowerCase(), stream.getField().getBody().strip());
          case T_BODY -> {
            try (InputStream in = stream.getInputStream()) {
              parts.add(new Part(headers, in.readAllBytes()));
            }
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MimeException e) {
      throw new IllegalStateException("the response is not valid multipart/mixed", e);
    }
    return parts;
  }
}
