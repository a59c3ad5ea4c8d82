package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StatementQuery;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Restricts statement reads to the caller's own statements, for the {@code statements/read/mine}
 * scope: those whose {@code authority} has the identifier of the authority the caller's statements
 * get.
 *
 * <p>A query without an {@code agent} parameter is narrowed to statements related to the caller's
 * authority, which the repository finds through its index. Each page is then filtered on the {@code
 * authority} property itself. A page can therefore hold fewer statements than the limit, and still
 * carry a {@code more} link.
 */
final class MineFilter {

  private final ObjectMapper mapper;
  private final AgentKey mine;

  MineFilter(ObjectMapper mapper, JsonNode authority) {
    this.mapper = mapper;
    this.mine =
        AgentKey.of(authority)
            .orElseThrow(() -> new IllegalStateException("authority has no identifier"));
  }

  /** Returns the query narrowed to statements related to the caller's authority. */
  StatementQuery narrow(StatementQuery query) {
    StatementFilter filter = query.filter();
    if (filter == null || filter.agent() != null) {
      return query;
    }
    StatementFilter narrowed =
        new StatementFilter(
            mine.asString(),
            true,
            filter.verb(),
            filter.activity(),
            filter.relatedActivities(),
            filter.registration(),
            filter.since(),
            filter.until(),
            filter.ascending(),
            filter.after());
    return new StatementQuery(
        query.statementId(),
        query.voidedStatementId(),
        narrowed,
        query.limit(),
        query.format(),
        query.attachments());
  }

  /** Returns the page without the statements of other callers. */
  StatementPage keepMine(StatementPage page) {
    List<StoredStatement> kept = page.statements().stream().filter(this::isMine).toList();
    return new StatementPage(kept, page.next());
  }

  /** Returns true when the statement's authority is the caller's. */
  boolean isMine(StoredStatement statement) {
    try {
      JsonNode authority = mapper.readTree(statement.json()).path("authority");
      Optional<AgentKey> key = AgentKey.of(authority);
      return key.isPresent() && key.get().equals(mine);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored statement " + statement.id() + " is not JSON", e);
    }
  }
}
