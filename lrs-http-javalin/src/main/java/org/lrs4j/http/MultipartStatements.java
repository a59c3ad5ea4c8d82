package org.lrs4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.lrs4j.core.attachment.AttachmentPart;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Reads a {@code multipart/mixed} statement request with Apache James mime4j, as a stream: the
 * first part must be {@code application/json} and contain the statements; every later part is the
 * raw data of an attachment, with {@code Content-Transfer-Encoding: binary} and an {@code
 * X-Experience-API-Hash} header. Parts are spooled by {@link PartSpool}. Thread safe.
 */
final class MultipartStatements {

  static final String HASH_HEADER = "X-Experience-API-Hash";
  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
  private static final String CONTENT_TYPE = "Content-Type";
  private static final int MAX_PARTS = 10_000;
  private static final int MAX_HEADERS_PER_PART = 100;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final JsonBodies bodies;
  private final PartSpool spool;

  MultipartStatements(JsonBodies bodies, PartSpool spool) {
    this.bodies = bodies;
    this.spool = spool;
  }

  /** Returns true when the content type is {@code multipart/mixed}, whatever its parameters. */
  static boolean isMultipart(String contentType) {
    return contentType != null && mediaType(contentType).equals("multipart/mixed");
  }

  /**
   * Reads the request body to its end.
   *
   * @param body the body, already limited in size
   * @param contentType the request's {@code Content-Type}, a {@code multipart/mixed} type
   * @throws InvalidRequestException when the body breaks a rule above, naming the part
   */
  StatementBody read(InputStream body, String contentType) throws IOException {
    requireBoundary(contentType);
    MimeTokenStream stream = new MimeTokenStream(config());
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    stream.parseHeadless(body, contentType);

    PartReader reader = new PartReader();
    try {
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = stream.next()) {
        reader.on(state, stream);
      }
      return reader.finish();
    } catch (MimeException | MimeIOException e) {
      reader.discard();
      throw new InvalidRequestException(
          "request body: invalid multipart/mixed ("
              + e.getMessage()
              + "); each part must start with a line --boundary, and the body must end with"
              + " --boundary--",
          e);
    } catch (IOException | RuntimeException e) {
      reader.discard();
      throw e;
    }
  }

  private static MimeConfig config() {
    return MimeConfig.custom()
        .setStrictParsing(true)
        .setMaxLineLen(-1)
        .setMaxContentLen(-1)
        .setMaxHeaderLen(MAX_HEADER_BYTES)
        .setMaxHeaderCount(MAX_HEADERS_PER_PART)
        .setMaxPartCount(MAX_PARTS)
        .build();
  }

  private static void requireBoundary(String contentType) {
    RawBody parsed = RawFieldParser.DEFAULT.parseRawBody(new RawField(CONTENT_TYPE, contentType));
    for (NameValuePair parameter : parsed.getParams()) {
      if (parameter.getName().equalsIgnoreCase("boundary")
          && parameter.getValue() != null
          && !parameter.getValue().isEmpty()) {
        return;
      }
    }
    throw new InvalidRequestException(
        "Content-Type: multipart/mixed needs a boundary parameter (value: " + contentType + ")");
  }

  private static String mediaType(String contentType) {
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** Collects the parts as the token stream reports them. Not thread safe. */
  private final class PartReader {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<AttachmentPart> parts = new ArrayList<>();
    private final List<Path> spooled = new ArrayList<>();
    private JsonNode statements;
    private int partNumber;

    void on(EntityState state, MimeTokenStream stream) throws IOException {
      switch (state) {
        case T_START_BODYPART -> {
          headers.clear();
          partNumber++;
        }
        case T_FIELD -> addHeader(stream.getField());
        case T_BODY -> {
          try (InputStream content = stream.getInputStream()) {
            body(content);
          }
        }
        default -> {}
      }
    }

    private void addHeader(Field field) {
      if (headers.putIfAbsent(field.getName().strip(), field.getBody().strip()) != null) {
        throw new InvalidRequestException(
            "part " + partNumber + ": the header " + field.getName() + " is repeated");
      }
    }

    private void body(InputStream content) throws IOException {
      if (partNumber == 1) {
        statements = statements(content);
      } else {
        parts.add(attachment(content));
      }
    }

    private JsonNode statements(InputStream content) throws IOException {
      String type = headers.get(CONTENT_TYPE);
      if (type == null || !mediaType(type).equals("application/json")) {
        throw new InvalidRequestException(
            "part 1: Content-Type must be application/json, because the first part contains the"
                + " statements (value: "
                + type
                + ")");
      }
      return bodies.parse(content.readAllBytes());
    }

    private AttachmentPart attachment(InputStream content) throws IOException {
      String hash = headers.get(HASH_HEADER);
      if (hash == null || hash.isEmpty()) {
        throw new InvalidRequestException(
            "part "
                + partNumber
                + ": "
                + HASH_HEADER
                + " is missing; every attachment part needs the sha2 of its content");
      }
      String encoding = headers.get(TRANSFER_ENCODING);
      if (encoding == null || !encoding.equalsIgnoreCase("binary")) {
        throw new InvalidRequestException(
            "part "
                + partNumber
                + " ("
                + HASH_HEADER
                + " "
                + hash
                + "): "
                + TRANSFER_ENCODING
                + " must be binary (value: "
                + encoding
                + ")");
      }

      PartSpool.Spooled copy = spool.spool(content);
      if (copy.file() != null) {
        spooled.add(copy.file());
      }
      return new AttachmentPart(hash, headers.get(CONTENT_TYPE), copy.length(), copy.content());
    }

    StatementBody finish() {
      if (statements == null) {
        discard();
        throw new InvalidRequestException(
            "request body: no part found; the first part of a multipart/mixed request must contain"
                + " the statements as application/json, after a line --boundary");
      }
      return new StatementBody(statements, parts, spooled);
    }

    void discard() {
      spooled.forEach(StatementBody::deleteQuietly);
    }
  }
}
