package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.agent.AgentParameter;
import org.lrs4j.core.document.Document;
import org.lrs4j.core.document.DocumentKey;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.document.DocumentScope;
import org.lrs4j.core.document.DocumentService;
import org.lrs4j.core.document.DocumentSummary;
import org.lrs4j.core.document.Preconditions;
import org.lrs4j.core.error.InvalidRequestException;

/**
 * Handlers of one document resource: {@code activities/state}, {@code activities/profile} or {@code
 * agents/profile}. PUT and POST store a document, GET and HEAD return one document or the list of
 * ids, DELETE deletes one document or, for State only, every document of the scope.
 */
final class DocumentRoutes {

  private static final String ACTIVITY_ID = "activityId";
  private static final String AGENT = "agent";
  private static final String REGISTRATION = "registration";
  private static final String SINCE = "since";

  private final DocumentKind kind;
  private final DocumentService documents;
  private final ObjectMapper mapper;
  private final Set<String> scopeParameters;

  DocumentRoutes(DocumentKind kind, DocumentService documents, ObjectMapper mapper) {
    this.kind = kind;
    this.documents = documents;
    this.mapper = mapper;
    this.scopeParameters =
        switch (kind) {
          case STATE -> Set.of(ACTIVITY_ID, AGENT, REGISTRATION);
          case ACTIVITY_PROFILE -> Set.of(ACTIVITY_ID);
          case AGENT_PROFILE -> Set.of(AGENT);
        };
  }

  /** Stores the request body as the whole document; 204 on success. */
  void put(Context ctx, XapiCall call) {
    QueryParameters parameters = QueryParameters.read(ctx, names(kind.idParameter()));
    DocumentKey key = key(parameters, call);

    Document stored =
        documents.put(
            key, ctx.bodyAsBytes(), ctx.contentType(), preconditions(ctx), call.version());

    EntityHeaders.set(ctx, stored.etag(), stored.updated());
    ctx.status(204);
  }

  /** Merges the JSON object in the request body into the document; 204 on success. */
  void post(Context ctx, XapiCall call) {
    QueryParameters parameters = QueryParameters.read(ctx, names(kind.idParameter()));
    DocumentKey key = key(parameters, call);
    byte[] body = ctx.bodyAsBytes();
    JsonBodies.utf8(body);

    Document stored =
        documents.post(key, body, ctx.contentType(), preconditions(ctx), call.version());

    EntityHeaders.set(ctx, stored.etag(), stored.updated());
    ctx.status(204);
  }

  /**
   * Returns the document named by the id parameter, or without it the JSON array of the scope's
   * document ids; with {@code withBody} false, the headers only.
   */
  void get(Context ctx, XapiCall call, boolean withBody) {
    QueryParameters parameters = QueryParameters.read(ctx, names(kind.idParameter(), SINCE));
    if (!parameters.has(kind.idParameter())) {
      list(ctx, call, parameters, withBody);
      return;
    }
    if (parameters.has(SINCE)) {
      throw new InvalidRequestException(
          SINCE + ": only the list of ids takes it, so leave out " + kind.idParameter());
    }

    Document document = documents.get(key(parameters, call));

    EntityHeaders.set(ctx, document.etag(), document.updated());
    ctx.status(200).contentType(document.contentType());
    if (withBody) {
      ctx.result(document.content());
    } else {
      XapiHeaders.headLength(ctx, document.content());
    }
  }

  /**
   * Deletes the document named by the id parameter, or for State without it every document of the
   * scope; 204 on success, also when nothing was there to delete.
   */
  void delete(Context ctx, XapiCall call) {
    QueryParameters parameters = QueryParameters.read(ctx, names(kind.idParameter()));

    if (parameters.has(kind.idParameter())) {
      documents.delete(key(parameters, call), preconditions(ctx));
    } else {
      documents.deleteAll(scope(parameters, call));
    }
    ctx.status(204);
  }

  private void list(Context ctx, XapiCall call, QueryParameters parameters, boolean withBody) {
    Instant since = parameters.timestamp(SINCE).orElse(null);

    List<DocumentSummary> summaries = documents.list(scope(parameters, call), since);

    List<String> ids = summaries.stream().map(DocumentSummary::id).toList();
    Instant lastModified =
        summaries.stream()
            .map(DocumentSummary::updated)
            .max(Instant::compareTo)
            .orElseGet(Instant::now);
    EntityHeaders.json(ctx, json(ids), lastModified, withBody);
  }

  private DocumentKey key(QueryParameters parameters, XapiCall call) {
    return new DocumentKey(scope(parameters, call), parameters.required(kind.idParameter()));
  }

  private DocumentScope scope(QueryParameters parameters, XapiCall call) {
    String activityId = scopeParameters.contains(ACTIVITY_ID) ? parameters.iri(ACTIVITY_ID) : null;
    String agent =
        scopeParameters.contains(AGENT)
            ? AgentParameter.parse(AGENT, parameters.required(AGENT), call.version())
                .key()
                .asString()
            : null;
    UUID registration = parameters.uuid(REGISTRATION).orElse(null);
    return new DocumentScope(kind, activityId, agent, registration);
  }

  private Set<String> names(String... extra) {
    Set<String> names = new HashSet<>(scopeParameters);
    names.addAll(List.of(extra));
    return names;
  }

  private static Preconditions preconditions(Context ctx) {
    return Preconditions.parse(
        ctx.header(EntityHeaders.IF_MATCH), ctx.header(EntityHeaders.IF_NONE_MATCH));
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response could not be serialized", e);
    }
  }
}
