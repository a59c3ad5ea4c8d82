package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.lrs4j.core.error.InvalidRequestException;

/** Reads JSON request bodies after checking their content type. */
final class JsonBodies {

  private final ObjectMapper mapper;

  JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Parses the body of a PUT or POST.
   *
   * @throws InvalidRequestException when the content type is not {@code application/json}, or the
   *     body is empty or not JSON; the message gives the parser's line and column
   */
  JsonNode read(Context ctx) {
    requireJsonContentType(ctx.contentType());
    return parse(ctx.bodyAsBytes());
  }

  /**
   * Parses JSON statements, such as the first part of a {@code multipart/mixed} request.
   *
   * @throws InvalidRequestException when the body is empty or not JSON
   */
  JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new InvalidRequestException("request body: missing; send a Statement as JSON");
    }
    String text = utf8(body);
    JsonNode tree;
    try {
      tree = mapper.readTree(withoutByteOrderMark(text));
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request body: invalid JSON: " + describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a request body held in memory failed", e);
    }
    StorableText.check(tree);
    return tree;
  }

  /**
   * Decodes a JSON body, which must be UTF-8.
   *
   * @throws InvalidRequestException naming the offset of the first byte that is not UTF-8
   */
  static String utf8(byte[] body) {
    Utf8.Decoded text = Utf8.decode(body);
    if (text.text() == null) {
      throw new InvalidRequestException(
          "request body: invalid UTF-8 at byte " + text.invalidAt().getAsInt());
    }
    return text.text();
  }

  // A UTF-8 byte order mark is allowed before JSON text and carries no content.
  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw new InvalidRequestException("Content-Type: missing; send application/json");
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new InvalidRequestException(
          "Content-Type: must be application/json, or multipart/mixed with attachments (value: "
              + contentType
              + ")");
    }
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e.getLocation() == null) {
      return message;
    }
    return message
        + " at line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr();
  }
}
