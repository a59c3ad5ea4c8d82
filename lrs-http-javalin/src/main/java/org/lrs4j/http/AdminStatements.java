package org.lrs4j.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StatementQuery;
import org.lrs4j.core.statement.StatementService;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Statement reads for administrators: {@code GET /admin/api/statements} takes the query parameters
 * of {@code GET /xapi/statements} and returns the same JSON, with {@code more} links that point
 * back to the admin route. It exists because the xAPI routes accept API keys and identity provider
 * tokens, not admin session tokens. Every statement is visible, as with the {@code all/read} scope.
 */
final class AdminStatements {

  private final StatementService statements;
  private final StatementResults results;

  AdminStatements(StatementService statements, StatementResults results) {
    this.statements = statements;
    this.results = results;
  }

  /** Returns one statement, or a StatementResult, as JSON; the caller is already authenticated. */
  void get(Context ctx) {
    Map<String, List<String>> parameters = QueryStrings.of(ctx);
    StatementQuery query = StatementQuery.parse(parameters);
    if (query.attachments()) {
      throw new InvalidRequestException(
          "attachments: not supported on " + AdminRoutes.BASE + "/statements; leave it out");
    }

    String body;
    if (query.isSingle()) {
      StoredStatement statement =
          query.statementId() != null
              ? statements.find(query.statementId())
              : statements.findVoided(query.voidedStatementId());
      body = statements.render(statement, query.format(), List.of());
    } else {
      StatementPage page = statements.query(query);
      List<String> rendered = new ArrayList<>(page.statements().size());
      for (StoredStatement statement : page.statements()) {
        rendered.add(statements.render(statement, query.format(), List.of()));
      }
      body = results.render(rendered, parameters, page.next());
    }

    ctx.status(200).contentType(XapiHeaders.JSON).result(body);
  }
}
