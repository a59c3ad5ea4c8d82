package org.lrs4j.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.core.XapiVersion.V1_0_3;
import static org.lrs4j.core.XapiVersion.V2_0_0;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.validation.Statements;

class StatementNormalizerTest {

  private final StatementNormalizer normalizer = new StatementNormalizer();

  private static ObjectNode statement(String json) {
    return (ObjectNode) Statements.json(json);
  }

  @Test
  void singleContextActivityBecomesArray() {
    ObjectNode statement =
        statement(
            "{\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"http://example.com/a\"}}}}");

    normalizer.normalize(statement, V1_0_3);

    assertThat(statement.at("/context/contextActivities/parent").isArray()).isTrue();
    assertThat(statement.at("/context/contextActivities/parent/0/id").asText())
        .isEqualTo("http://example.com/a");
  }

  @Test
  void subStatementContextActivityBecomesArray() {
    ObjectNode statement =
        statement(
            "{\"object\":{\"objectType\":\"SubStatement\",\"context\":{\"contextActivities\":{\"other\":{\"id\":\"http://example.com/o\"}}}}}");

    normalizer.normalize(statement, V1_0_3);

    assertThat(statement.at("/object/context/contextActivities/other").isArray()).isTrue();
  }

  @Test
  void timestampIsKeptAsSentUnder1() {
    ObjectNode statement = statement("{\"timestamp\":\"2024-03-01T14:30:00.250+02:00\"}");

    normalizer.normalize(statement, V1_0_3);

    assertThat(statement.get("timestamp").asText()).isEqualTo("2024-03-01T14:30:00.250+02:00");
  }

  @Test
  void timestampIsStoredInUtcUnder2() {
    ObjectNode statement = statement("{\"timestamp\":\"2024-03-01T01:30:00.250+02:00\"}");

    normalizer.normalize(statement, V2_0_0);

    assertThat(statement.get("timestamp").asText()).isEqualTo("2024-02-29T23:30:00.250Z");
  }

  @Test
  void timestampWithSpaceIsStoredInUtcUnder2() {
    ObjectNode statement = statement("{\"timestamp\":\"2024-03-01 12:30:00-05:30\"}");

    normalizer.normalize(statement, V2_0_0);

    assertThat(statement.get("timestamp").asText()).isEqualTo("2024-03-01T18:00:00Z");
  }

  @Test
  void subStatementTimestampIsStoredInUtcUnder2() {
    ObjectNode statement =
        statement(
            "{\"object\":{\"objectType\":\"SubStatement\",\"timestamp\":\"2024-03-01T12:30:00.1+01:00\"}}");

    normalizer.normalize(statement, V2_0_0);

    assertThat(statement.at("/object/timestamp").asText()).isEqualTo("2024-03-01T11:30:00.1Z");
  }

  @Test
  void utcTimestampIsKeptAsSentUnder2() {
    ObjectNode statement = statement("{\"timestamp\":\"2024-03-01T12:30:00.123456Z\"}");

    normalizer.normalize(statement, V2_0_0);

    assertThat(statement.get("timestamp").asText()).isEqualTo("2024-03-01T12:30:00.123456Z");
  }

  @Test
  void otherPropertiesAreKeptAsSent() {
    ObjectNode statement = Statements.typical();
    ObjectNode original = statement.deepCopy();

    normalizer.normalize(statement, V2_0_0);

    assertThat(statement).isEqualTo(original);
  }
}
