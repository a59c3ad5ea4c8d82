package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lrs4j.auth.scope.Access;
import org.lrs4j.core.attachment.AttachmentContent;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.statement.StatementFormat;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StatementQuery;
import org.lrs4j.core.statement.StatementService;
import org.lrs4j.core.statement.StoredStatement;

/** Handlers of the Statement resource: PUT, POST, GET and HEAD on {@code /statements}. */
final class StatementRoutes {

  private static final String STATEMENT_ID = "statementId";

  private final StatementService statements;
  private final StatementBodies bodies;
  private final StatementResults results;
  private final ObjectMapper mapper;

  StatementRoutes(
      StatementService statements,
      StatementBodies bodies,
      StatementResults results,
      ObjectMapper mapper) {
    this.statements = statements;
    this.bodies = bodies;
    this.results = results;
    this.mapper = mapper;
  }

  /** Stores one statement under the {@code statementId} parameter; 204 on success. */
  void put(Context ctx, XapiCall call) {
    UUID id = statementIdParameter(QueryStrings.of(ctx));
    try (StatementBody body = bodies.read(ctx)) {
      if (!body.json().isObject()) {
        throw new InvalidRequestException("request body: must be one Statement object for PUT");
      }

      statements.put(id, body.json(), body.parts(), call.writeContext());
    }
    ctx.status(204);
  }

  /** Stores a statement or an array of statements and returns the array of their ids. */
  void post(Context ctx, XapiCall call) {
    rejectQueryParameters(QueryStrings.of(ctx));
    List<UUID> ids;
    try (StatementBody body = bodies.read(ctx)) {
      List<JsonNode> batch = batch(body.json());
      ids =
          batch.isEmpty() && body.parts().isEmpty()
              ? List.of()
              : statements.store(batch, body.parts(), call.writeContext());
    }

    List<String> texts = ids.stream().map(UUID::toString).toList();
    ctx.status(200).contentType(XapiHeaders.JSON).result(json(texts));
  }

  /** Returns one statement, or a StatementResult; with {@code withBody} false, the headers only. */
  void get(Context ctx, XapiCall call, boolean withBody) {
    Map<String, List<String>> parameters = QueryStrings.of(ctx);
    StatementQuery parsed = StatementQuery.parse(parameters);
    MineFilter mine =
        call.access() == Access.MINE ? new MineFilter(mapper, call.principal().authority()) : null;
    StatementQuery query = mine == null ? parsed : mine.narrow(parsed);
    List<Locale.LanguageRange> languages = languages(ctx, query.format());

    String body;
    Instant lastModified;
    List<StoredStatement> returned;
    if (query.isSingle()) {
      StoredStatement statement =
          query.statementId() != null
              ? statements.find(query.statementId())
              : statements.findVoided(query.voidedStatementId());
      if (mine != null && !mine.isMine(statement)) {
        throw new NotFoundException(
            "statement " + statement.id() + " not found among the statements of this key");
      }
      body = statements.render(statement, query.format(), languages);
      lastModified = statement.stored();
      returned = List.of(statement);
    } else {
      StatementPage page = statements.query(query);
      if (mine != null) {
        page = mine.keepMine(page);
      }
      List<String> rendered = new ArrayList<>(page.statements().size());
      for (StoredStatement statement : page.statements()) {
        rendered.add(statements.render(statement, query.format(), languages));
      }
      body = results.render(rendered, parameters, page.next());
      lastModified = newestStored(page, call.consistentThrough());
      returned = page.statements();
    }

    ctx.status(200).header(XapiHeaders.LAST_MODIFIED, XapiHeaders.httpDate(lastModified));
    if (query.attachments()) {
      List<AttachmentContent> attachments = statements.attachments(returned);
      MultipartResponse.write(ctx, body, attachments, withBody);
      return;
    }
    ctx.contentType(XapiHeaders.JSON);
    if (withBody) {
      ctx.result(body);
    } else {
      XapiHeaders.headLength(ctx, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Instant newestStored(StatementPage page, Instant consistentThrough) {
    return page.statements().stream()
        .map(StoredStatement::stored)
        .max(Instant::compareTo)
        .orElse(consistentThrough);
  }

  private static List<Locale.LanguageRange> languages(Context ctx, StatementFormat format) {
    String header = ctx.header(XapiHeaders.ACCEPT_LANGUAGE);
    if (format != StatementFormat.CANONICAL || header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          XapiHeaders.ACCEPT_LANGUAGE + ": invalid language ranges (value: " + header + ")", e);
    }
  }

  private static UUID statementIdParameter(Map<String, List<String>> parameters) {
    for (String name : parameters.keySet()) {
      if (!name.equals(STATEMENT_ID)) {
        throw new InvalidRequestException(
            name + ": unknown parameter for PUT; only statementId is allowed");
      }
    }
    List<String> values = parameters.get(STATEMENT_ID);
    if (values == null) {
      throw new InvalidRequestException("statementId: missing; PUT needs the id of the statement");
    }
    if (values.size() != 1) {
      throw new InvalidRequestException("statementId: must be given once");
    }
    String value = values.get(0);
    if (!value.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      throw new InvalidRequestException("statementId: must be a UUID (value: " + value + ")");
    }
    return UUID.fromString(value);
  }

  private static void rejectQueryParameters(Map<String, List<String>> parameters) {
    if (parameters.containsKey("method")) {
      throw new InvalidRequestException(
          "method: the alternate request syntax is not supported; send the request with its own"
              + " HTTP method and headers");
    }
    for (String name : parameters.keySet()) {
      throw new InvalidRequestException(
          name + ": unknown parameter; POST to the statements resource takes no parameters");
    }
  }

  private static List<JsonNode> batch(JsonNode body) {
    if (body.isObject()) {
      return List.of(body);
    }
    if (!body.isArray()) {
      throw new InvalidRequestException(
          "request body: must be a Statement object or an array of Statement objects");
    }
    List<JsonNode> batch = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      if (!body.get(i).isObject()) {
        throw new InvalidRequestException(
            "[" + i + "]: must be a Statement object (value: " + body.get(i).getNodeType() + ")");
      }
      batch.add(body.get(i));
    }
    return batch;
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response could not be serialized", e);
    }
  }
}
