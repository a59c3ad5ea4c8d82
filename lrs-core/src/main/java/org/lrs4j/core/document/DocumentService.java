package org.lrs4j.core.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.error.PreconditionFailedException;
import org.lrs4j.core.port.DocumentRepository;

/**
 * Use cases of the State, Activity Profile and Agent Profile resources, with their concurrency
 * rules. Each rule is decided inside the repository's write transaction. Thread safe.
 */
public final class DocumentService {

  private final DocumentRepository repository;
  private final Clock clock;
  private final ObjectMapper mapper;

  public DocumentService(DocumentRepository repository, Clock clock, ObjectMapper mapper) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Finds one document. */
  public Document get(DocumentKey key) {
    return repository
        .find(key)
        .orElseThrow(
            () ->
                new NotFoundException(
                    key.scope().kind().idParameter() + ": no document with id " + key.id()));
  }

  /** Returns the ids of a scope's documents changed after {@code since}, or all when null. */
  public List<DocumentSummary> list(DocumentScope scope, Instant since) {
    return repository.list(scope, since);
  }

  /**
   * Stores a document whole, replacing any document at the key.
   *
   * @throws PreconditionFailedException when {@code If-Match} or {@code If-None-Match} fails
   * @throws ConflictException when the document exists and the request sent neither header, for
   *     profiles always and for State under 2.0.0
   */
  public Document put(
      DocumentKey key,
      byte[] content,
      String contentType,
      Preconditions preconditions,
      XapiVersion version) {
    String type = contentTypeOrDefault(contentType);
    boolean headersRequired = key.scope().kind() != DocumentKind.STATE || version.isV2();
    return repository.write(
        key,
        current -> {
          checkPreconditions(preconditions, current);
          if (headersRequired && preconditions.isEmpty() && current.isPresent()) {
            throw new ConflictException(
                "the document "
                    + key.id()
                    + " already exists: fetch it, then send the PUT again with If-Match set"
                    + " to its ETag (or If-None-Match: * to create only when missing)");
          }
          return newVersion(key, content, type, current);
        });
  }

  /**
   * Merges a JSON object into the stored one: each top-level property sent replaces the stored
   * property of that name. Creates the document when it is missing.
   *
   * @throws InvalidRequestException when the content sent or the stored document is not a JSON
   *     object
   */
  public Document post(
      DocumentKey key,
      byte[] content,
      String contentType,
      Preconditions preconditions,
      XapiVersion version) {
    if (!isJsonMediaType(contentType)) {
      throw new InvalidRequestException(
          "Content-Type: POST merges JSON objects, so it must be application/json (value: "
              + contentType
              + ")");
    }
    ObjectNode posted = parseObject(content, "the request body");
    return repository.write(
        key,
        current -> {
          checkPreconditions(preconditions, current);
          if (current.isEmpty()) {
            return newVersion(key, content, contentTypeOrDefault(contentType), current);
          }
          Document existing = current.get();
          if (!existing.isJson()) {
            throw new InvalidRequestException(
                "the stored document "
                    + key.id()
                    + " has Content-Type "
                    + existing.contentType()
                    + ", and only application/json documents can be merged");
          }
          ObjectNode merged = parseObject(existing.content(), "the stored document");
          merged.setAll(posted);
          return newVersion(key, serialize(merged), existing.contentType(), current);
        });
  }

  /**
   * Deletes one document. Deleting a missing document succeeds, unless {@code If-Match} was sent.
   *
   * @throws PreconditionFailedException when {@code If-Match} fails
   */
  public void delete(DocumentKey key, Preconditions preconditions) {
    repository.delete(key, current -> checkPreconditions(preconditions, current));
  }

  /** Deletes every State document of an activity and agent, or of one registration of theirs. */
  public int deleteAll(DocumentScope scope) {
    if (scope.kind() != DocumentKind.STATE) {
      throw new InvalidRequestException(
          scope.kind().idParameter() + ": missing, and required to delete a profile document");
    }
    return repository.deleteAll(scope);
  }

  /** Returns the lowercase SHA-1 hex digest of the content, the ETag of a document. */
  public static String etagOf(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }

  /** Returns true for {@code application/json}, with or without parameters. */
  public static boolean isJsonMediaType(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json");
  }

  private static void checkPreconditions(Preconditions preconditions, Optional<Document> current) {
    Optional<String> failure = preconditions.failure(current);
    if (failure.isPresent()) {
      throw new PreconditionFailedException(failure.get() + ", so nothing was changed");
    }
  }

  private Document newVersion(
      DocumentKey key, byte[] content, String contentType, Optional<Document> current) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (current.isPresent() && !now.isAfter(current.get().updated())) {
      // Last-Modified must move forward on every change, even when the clock has not.
      now = current.get().updated().plusMillis(1);
    }
    return new Document(key, content.clone(), contentType, etagOf(content), now);
  }

  private static String contentTypeOrDefault(String contentType) {
    return contentType == null || contentType.isBlank()
        ? "application/octet-stream"
        : contentType.trim();
  }

  private ObjectNode parseObject(byte[] content, String what) {
    JsonNode node;
    try {
      node = mapper.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          what + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new InvalidRequestException(what + ": could not be read as JSON", e);
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    String found =
        node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    throw new InvalidRequestException(what + ": must be a JSON object, found " + found);
  }

  private byte[] serialize(ObjectNode json) {
    try {
      return mapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a merged document could not be serialized", e);
    }
  }
}
