package org.lrs4j.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.InvalidRequestException;

class StatementQueryTest {

  private static StatementQuery parse(String name, String value) {
    return StatementQuery.parse(Map.of(name, List.of(value)));
  }

  @Test
  void sinceIsParsedAsInstant() {
    StatementQuery query = parse("since", "2026-01-02T03:04:05.678+01:00");

    assertThat(query.filter().since()).isEqualTo(Instant.parse("2026-01-02T02:04:05.678Z"));
  }

  @Test
  void timestampsOutsideFourDigitYearsAreRejected() {
    for (String value : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
      for (String name : List.of("since", "until")) {
        assertThatThrownBy(() -> parse(name, value))
            .as(name + "=" + value)
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageStartingWith(name + ": must lie between years 0000 and 9999");
      }
    }
  }

  @Test
  void unknownOrWronglyCasedParameterIsRejected() {
    assertThatThrownBy(() -> parse("statementID", "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("statementID: unknown parameter");
  }

  @Test
  void statementIdWithFilterIsRejected() {
    Map<String, List<String>> parameters =
        Map.of(
            "statementId", List.of("5b7a3c68-3b5f-4d3e-9f5c-6a1d8f2e9b10"),
            "verb", List.of("http://adlnet.gov/expapi/verbs/completed"));

    assertThatThrownBy(() -> StatementQuery.parse(parameters))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("verb: not allowed with statementId or voidedStatementId");
  }

  @Test
  void negativeLimitIsRejected() {
    assertThatThrownBy(() -> parse("limit", "-1"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("limit: must be a non-negative integer");
  }
}
