package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.ForbiddenException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.InvalidStatementException;
import org.lrs4j.core.error.LrsException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.error.PayloadTooLargeException;
import org.lrs4j.core.error.PreconditionFailedException;
import org.lrs4j.core.error.TooManyRequestsException;
import org.lrs4j.core.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to HTTP responses with a JSON body:
 *
 * <pre>{@code
 * {"error":{"status":400,"message":"...","requestId":"...","violations":[{"path":..,"value":..,"rule":..}]}}
 * }</pre>
 *
 * <p>{@code violations} appears only for invalid statements. Client errors are logged at DEBUG with
 * their message, because a message can quote a value from the request; server errors are logged at
 * ERROR with the request id and the stack trace, never with the request body.
 */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  ErrorResponses(ObjectMapper mapper, long maxBodyBytes) {
    this.mapper = mapper;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Writes the response for a failure of the LRS family. */
  void lrs(LrsException e, Context ctx) {
    int status = status(e);
    if (e instanceof AuthenticationException) {
      ctx.header(XapiHeaders.WWW_AUTHENTICATE, "Basic realm=\"LRS4J\", charset=\"UTF-8\"");
    }
    if (e instanceof TooManyRequestsException limited) {
      ctx.header("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
    }
    LOG.debug("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    write(ctx, status, e.getMessage(), e);
  }

  /** Writes the response for a failure Javalin raised, such as an unknown path or a large body. */
  void javalin(HttpResponseException e, Context ctx) {
    String message =
        switch (e.getStatus()) {
          case 404 -> "no resource at " + ctx.method() + " " + ctx.path();
          case 405 -> ctx.method() + " is not allowed on " + ctx.path();
          case 413 -> LimitedInputStream.tooLarge(maxBodyBytes).getMessage();
          default -> e.getMessage();
        };
    LOG.debug("{} {}: {}", ctx.method(), ctx.path(), message);
    write(ctx, e.getStatus(), message, e);
  }

  /** Writes a 500 response for an unexpected failure and logs it with the request id. */
  void unexpected(Exception e, Context ctx) {
    String requestId = RequestIds.of(ctx);
    LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
    write(ctx, 500, "internal server error; report request id " + requestId, e);
  }

  private void write(Context ctx, int status, String message, Exception e) {
    ctx.header(XapiHeaders.VERSION, Versions.negotiated(ctx).header());
    ObjectNode error = mapper.createObjectNode();
    ObjectNode body = error.putObject("error");
    body.put("status", status);
    body.put("message", message);
    body.put("requestId", RequestIds.of(ctx));
    if (e instanceof InvalidStatementException invalid) {
      ArrayNode violations = body.putArray("violations");
      for (Violation violation : invalid.violations()) {
        ObjectNode item = violations.addObject();
        item.put("path", violation.path());
        item.put("value", violation.value());
        item.put("rule", violation.rule());
      }
    }
    ctx.status(status).contentType(XapiHeaders.JSON).result(serialize(error));
  }

  private String serialize(ObjectNode error) {
    try {
      return mapper.writeValueAsString(error);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body could not be serialized", e);
    }
  }

  private static int status(LrsException e) {
    if (e instanceof InvalidRequestException) {
      return 400;
    } else if (e instanceof AuthenticationException) {
      return 401;
    } else if (e instanceof ForbiddenException) {
      return 403;
    } else if (e instanceof NotFoundException) {
      return 404;
    } else if (e instanceof ConflictException) {
      return 409;
    } else if (e instanceof PreconditionFailedException) {
      return 412;
    } else if (e instanceof PayloadTooLargeException) {
      return 413;
    } else if (e instanceof TooManyRequestsException) {
      return 429;
    }
    LOG.warn("no HTTP status is mapped for {}; answering 400", e.getClass().getName());
    return 400;
  }
}
