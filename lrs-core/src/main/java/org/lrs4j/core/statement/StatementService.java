package org.lrs4j.core.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.attachment.Attachment;
import org.lrs4j.core.attachment.AttachmentCheck;
import org.lrs4j.core.attachment.AttachmentContent;
import org.lrs4j.core.attachment.AttachmentPart;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.InvalidStatementException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.port.IdSource;
import org.lrs4j.core.port.SignatureVerifier;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.validation.StatementValidator;
import org.lrs4j.core.validation.Violation;

/**
 * Use cases of the Statement resource: store a batch, fetch one statement, query many. Thread safe.
 */
public final class StatementService {

  /** Format of the {@code stored} and assigned {@code timestamp} properties: UTC, milliseconds. */
  public static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final int MAX_VIOLATIONS = 100;

  private final StatementRepository repository;
  private final StatementValidator validator;
  private final StatementNormalizer normalizer = new StatementNormalizer();
  private final StatementFormatter formatter = new StatementFormatter();
  private final Clock clock;
  private final IdSource ids;
  private final int maxPageSize;
  private final ObjectMapper mapper;
  private final AttachmentCheck attachments;

  /** Creates the service for an LRS that rejects signed statements. */
  public StatementService(
      StatementRepository repository,
      StatementValidator validator,
      Clock clock,
      IdSource ids,
      int maxPageSize,
      ObjectMapper mapper) {
    this(repository, validator, clock, ids, maxPageSize, mapper, SignatureVerifier.unavailable());
  }

  /** Creates the service; {@code verifier} checks the signatures of signed statements. */
  public StatementService(
      StatementRepository repository,
      StatementValidator validator,
      Clock clock,
      IdSource ids,
      int maxPageSize,
      ObjectMapper mapper,
      SignatureVerifier verifier) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be at least 1, was " + maxPageSize);
    }
    this.maxPageSize = maxPageSize;
    this.attachments = new AttachmentCheck(verifier, mapper);
  }

  /**
   * Stores a batch of statements all or nothing and returns their ids in order.
   *
   * @throws InvalidStatementException when any statement breaks a rule, listing every violation
   * @throws InvalidRequestException when two statements share an id, or one voids a voiding
   *     statement
   * @throws org.lrs4j.core.error.ConflictException when an id is stored with different content
   */
  public List<UUID> store(List<JsonNode> statements, WriteContext context) {
    return store(statements, List.of(), context);
  }

  /**
   * Stores a batch of statements with the raw data of their attachments, all or nothing, and
   * returns their ids in order. The rules of {@link #store(List, WriteContext)} apply, and those of
   * {@link AttachmentCheck}.
   *
   * @param parts the attachment parts of a {@code multipart/mixed} request, after the statements
   * @throws InvalidRequestException also when a part, an attachment or a signature breaks a rule
   */
  public List<UUID> store(
      List<JsonNode> statements, List<AttachmentPart> parts, WriteContext context) {
    validate(statements, context, true);
    List<AttachmentContent> contents = attachments.check(statements, parts, context.version());

    Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<NewStatement> batch = prepare(statements, stored, context);
    rejectDuplicateIds(batch);
    rejectVoidingOfVoiding(batch);

    Map<UUID, JsonNode> sentById = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      sentById.put(batch.get(i).statement().id(), statements.get(i));
    }
    SentComparison comparison =
        new SentComparison(
            new StatementComparison(context.version()), normalizer, context, sentById);
    repository.store(batch, contents, comparison);
    return batch.stream().map(statement -> statement.statement().id()).toList();
  }

  /**
   * Stores one statement under the id given by the request ({@code PUT}).
   *
   * @throws InvalidRequestException when the statement carries a different id
   */
  public void put(UUID id, JsonNode statement, WriteContext context) {
    put(id, statement, List.of(), context);
  }

  /**
   * Stores one statement under the id given by the request ({@code PUT}), with the raw data of its
   * attachments.
   *
   * @throws InvalidRequestException when the statement carries a different id, or an attachment
   *     breaks a rule of {@link AttachmentCheck}
   */
  public void put(UUID id, JsonNode statement, List<AttachmentPart> parts, WriteContext context) {
    validate(List.of(statement), context, false);
    JsonNode bodyId = statement.get("id");
    if (bodyId != null && !bodyId.asText().equalsIgnoreCase(id.toString())) {
      throw new InvalidRequestException(
          "id: must equal the statementId parameter " + id + " (value: " + bodyId.asText() + ")");
    }
    ObjectNode withId = ((ObjectNode) statement).deepCopy();
    withId.put("id", id.toString());
    store(List.of(withId), parts, context);
  }

  /**
   * Returns the stored content of every attachment the statements declare, each hash once, in the
   * order of first declaration. Attachments whose content was never sent (those known only by
   * {@code fileUrl}) are left out.
   */
  public List<AttachmentContent> attachments(List<StoredStatement> statements) {
    Set<String> hashes = new LinkedHashSet<>();
    for (StoredStatement statement : statements) {
      for (Attachment attachment : Attachment.declaredBy(parse(statement), "")) {
        hashes.add(attachment.sha2());
      }
    }
    List<AttachmentContent> contents = new ArrayList<>(hashes.size());
    for (String hash : hashes) {
      repository.findAttachment(hash).ifPresent(contents::add);
    }
    return contents;
  }

  /** Finds a statement that is not voided. */
  public StoredStatement find(UUID id) {
    return repository
        .findById(id)
        .filter(statement -> !statement.voided())
        .orElseThrow(() -> new NotFoundException("statementId: no statement with id " + id));
  }

  /** Finds a statement that is voided. */
  public StoredStatement findVoided(UUID id) {
    return repository
        .findById(id)
        .filter(StoredStatement::voided)
        .orElseThrow(
            () -> new NotFoundException("voidedStatementId: no voided statement with id " + id));
  }

  /** Returns one page of statements that match the query's filter. */
  public StatementPage query(StatementQuery query) {
    int limit = query.limit() == 0 ? maxPageSize : Math.min(query.limit(), maxPageSize);
    return repository.find(query.filter(), limit);
  }

  /** Returns the time through which every stored statement is visible to queries. */
  public Instant consistentThrough() {
    return repository.consistentThrough();
  }

  /** Returns the largest page a query returns. */
  public int maxPageSize() {
    return maxPageSize;
  }

  /** Renders a stored statement as JSON text in the given format. */
  public String render(
      StoredStatement statement, StatementFormat format, List<Locale.LanguageRange> languages) {
    if (format == StatementFormat.EXACT) {
      return statement.json();
    }
    ObjectNode json = parse(statement);
    formatter.format(json, format, languages);
    return serialize(json);
  }

  private ObjectNode parse(StoredStatement statement) {
    try {
      return (ObjectNode) mapper.readTree(statement.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored statement " + statement.id() + " is not JSON", e);
    }
  }

  private void validate(List<JsonNode> statements, WriteContext context, boolean batch) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < statements.size() && violations.size() < MAX_VIOLATIONS; i++) {
      for (Violation violation : validator.validate(statements.get(i), context.version())) {
        violations.add(batch && statements.size() > 1 ? violation.under("[" + i + "]") : violation);
      }
    }
    if (!violations.isEmpty()) {
      int end = Math.min(violations.size(), MAX_VIOLATIONS);
      throw new InvalidStatementException(violations.subList(0, end));
    }
  }

  /** Copies each statement once, normalizes the copy and adds the properties the LRS sets. */
  private List<NewStatement> prepare(
      List<JsonNode> statements, Instant stored, WriteContext context) {
    String storedText = TIMESTAMP_FORMAT.format(stored);
    List<NewStatement> batch = new ArrayList<>(statements.size());
    for (JsonNode sent : statements) {
      ObjectNode json = ((ObjectNode) sent).deepCopy();
      normalizer.normalize(json, context.version());
      if (!json.has("id")) {
        json.put("id", ids.nextId().toString());
      } else {
        json.put("id", json.get("id").asText().toLowerCase(Locale.ROOT));
      }
      if (!json.has("timestamp")) {
        json.put("timestamp", storedText);
      }
      json.put("stored", storedText);
      json.set("authority", context.authority().deepCopy());
      if (!json.has("version")) {
        json.put("version", context.version().defaultStatementVersion());
      }
      Statement statement = new Statement(json);
      batch.add(new NewStatement(statement, serialize(json), stored, StatementIndex.of(statement)));
    }
    return batch;
  }

  private String serialize(ObjectNode json) {
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a statement tree could not be serialized", e);
    }
  }

  private static void rejectDuplicateIds(List<NewStatement> batch) {
    Map<UUID, Integer> seen = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      UUID id = batch.get(i).statement().id();
      Integer earlier = seen.putIfAbsent(id, i);
      if (earlier != null) {
        throw new InvalidRequestException(
            "["
                + i
                + "].id: the batch already has a statement with this id at index "
                + earlier
                + " (value: "
                + id
                + ")");
      }
    }
  }

  private static void rejectVoidingOfVoiding(List<NewStatement> batch) {
    Map<UUID, Statement> byId = new HashMap<>();
    batch.forEach(statement -> byId.put(statement.statement().id(), statement.statement()));
    for (NewStatement statement : batch) {
      Optional<UUID> target = statement.statement().voidingTarget();
      if (target.isPresent()
          && byId.containsKey(target.get())
          && byId.get(target.get()).isVoiding()) {
        throw new InvalidRequestException(
            "object.id: a voiding statement cannot void another voiding statement (value: "
                + target.get()
                + ")");
      }
    }
  }

  /**
   * Comparison of a stored statement with the incoming one as the client sent it, normalized but
   * without the properties the LRS added, so that a timestamp the client left out is not compared.
   * The normalized copy is made only when the repository finds a stored statement with the same id,
   * which keeps that copy off the path of a new statement.
   */
  private record SentComparison(
      StatementComparison comparison,
      StatementNormalizer normalizer,
      WriteContext context,
      Map<UUID, JsonNode> sentById)
      implements StatementEquivalence {

    @Override
    public boolean same(JsonNode stored, JsonNode incoming) {
      return comparison.same(stored, sent(incoming));
    }

    @Override
    public Optional<String> difference(JsonNode stored, JsonNode incoming) {
      return comparison.difference(stored, sent(incoming));
    }

    private ObjectNode sent(JsonNode incoming) {
      JsonNode sent = sentById.get(UUID.fromString(incoming.path("id").asText()));
      ObjectNode normalized = ((ObjectNode) sent).deepCopy();
      normalizer.normalize(normalized, context.version());
      return normalized;
    }
  }
}
