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
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request body: invalid JSON: " + describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a request body held in memory failed", e);
    }
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
