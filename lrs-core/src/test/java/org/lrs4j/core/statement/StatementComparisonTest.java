package org.lrs4j.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.core.XapiVersion.V1_0_3;
import static org.lrs4j.core.XapiVersion.V2_0_0;
import static org.lrs4j.core.validation.Statements.all;
import static org.lrs4j.core.validation.Statements.remove;
import static org.lrs4j.core.validation.Statements.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.validation.Statements;

class StatementComparisonTest {

  private static boolean same(
      XapiVersion version,
      UnaryOperator<ObjectNode> storedEdit,
      UnaryOperator<ObjectNode> incomingEdit) {
    ObjectNode stored = storedEdit.apply(Statements.typical());
    ObjectNode incoming = incomingEdit.apply(Statements.typical());
    return new StatementComparison(version).same(stored, incoming);
  }

  private static UnaryOperator<ObjectNode> unchanged() {
    return s -> s;
  }

  @Test
  void lrsPropertiesAreIgnored() {
    UnaryOperator<ObjectNode> lrsSet =
        all(
            set("/stored", "\"2024-03-02T00:00:00Z\""),
            set("/version", "\"1.0.0\""),
            set("/authority", "{\"mbox\":\"mailto:lrs@example.com\"}"),
            set("/id", "\"FD41C918-B88B-4B20-A0A5-A4C32391AAA0\""));

    assertThat(same(V1_0_3, lrsSet, unchanged())).isTrue();
  }

  @Test
  void assignedTimestampIsIgnored() {
    assertThat(same(V1_0_3, set("/timestamp", "\"2030-01-01T00:00:00Z\""), remove("/timestamp")))
        .isTrue();
  }

  @Test
  void timestampsAreComparedAsInstants() {
    assertThat(same(V1_0_3, unchanged(), set("/timestamp", "\"2024-03-01T14:30:00.25+02:00\"")))
        .isTrue();
  }

  @Test
  void differentTimestampIsDifferent() {
    assertThat(same(V1_0_3, unchanged(), set("/timestamp", "\"2024-03-01T12:30:00.251Z\"")))
        .isFalse();
  }

  @Test
  void propertyAndLanguageMapOrderIsIgnored() {
    UnaryOperator<ObjectNode> reordered =
        all(
            remove("/verb/display"),
            set("/verb/display", "{\"de-DE\":\"beantwortete\",\"en-US\":\"answered\"}"),
            remove("/actor/objectType"),
            set("/actor/objectType", "\"Agent\""));

    assertThat(same(V1_0_3, unchanged(), reordered)).isTrue();
  }

  @Test
  void groupMemberOrderIsIgnored() {
    String ab =
        "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.com\"},{\"mbox\":\"mailto:b@example.com\"}]}";
    String ba =
        "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:b@example.com\"},{\"mbox\":\"mailto:a@example.com\"}]}";

    assertThat(same(V1_0_3, set("/actor", ab), set("/actor", ba))).isTrue();
  }

  @Test
  void mboxDomainCaseIsIgnored() {
    assertThat(same(V1_0_3, unchanged(), set("/actor/mbox", "\"mailto:ann@EXAMPLE.com\"")))
        .isTrue();
  }

  @Test
  void mboxLocalPartCaseMatters() {
    assertThat(same(V1_0_3, unchanged(), set("/actor/mbox", "\"mailto:Ann@example.com\"")))
        .isFalse();
  }

  @Test
  void registrationCaseIsIgnored() {
    assertThat(
            same(
                V1_0_3,
                unchanged(),
                set("/context/registration", "\"EC531277-B57B-4C15-8D91-D292C5B2B8F7\"")))
        .isTrue();
  }

  @Test
  void definitionsAndVerbDisplayAreIgnored() {
    UnaryOperator<ObjectNode> edited =
        all(
            set("/object/definition/name/en-US", "\"Question three\""),
            remove("/verb/display"),
            set("/context/contextActivities/parent/0/definition", "{\"name\":{\"en\":\"Quiz\"}}"));

    assertThat(same(V1_0_3, unchanged(), edited)).isTrue();
  }

  @Test
  void singleContextActivityEqualsArray() {
    assertThat(
            same(
                V1_0_3,
                unchanged(),
                set(
                    "/context/contextActivities/parent",
                    "{\"id\":\"http://example.com/courses/algebra/quiz-1\"}")))
        .isTrue();
  }

  @Test
  void numbersAreComparedByValue() {
    assertThat(same(V1_0_3, unchanged(), set("/result/score/raw", "5.0"))).isTrue();
  }

  @Test
  void differentVerbIsDifferent() {
    assertThat(same(V1_0_3, unchanged(), set("/verb/id", "\"http://example.com/verbs/skipped\"")))
        .isFalse();
  }

  @Test
  void differentExtensionValueIsDifferent() {
    assertThat(
            same(
                V1_0_3,
                unchanged(),
                set("/result/extensions/http:~1~1example.com~1extensions~1attempt", "3")))
        .isFalse();
  }

  @Test
  void durationsBeyondHundredthsAreIgnoredUnder2() {
    assertThat(
            same(
                V2_0_0,
                set("/result/duration", "\"PT1M12.4567S\""),
                set("/result/duration", "\"PT1M12.450S\"")))
        .isTrue();
  }

  @Test
  void durationHundredthsStillMatterUnder2() {
    assertThat(
            same(
                V2_0_0,
                set("/result/duration", "\"PT1M12.46S\""),
                set("/result/duration", "\"PT1M12.45S\"")))
        .isFalse();
  }

  @Test
  void durationsAreStringsUnder1() {
    assertThat(
            same(
                V1_0_3,
                set("/result/duration", "\"PT1M12.4567S\""),
                set("/result/duration", "\"PT1M12.45S\"")))
        .isFalse();
  }

  @Test
  void durationUnitsAreNotConverted() {
    assertThat(
            same(V2_0_0, set("/result/duration", "\"PT60S\""), set("/result/duration", "\"PT1M\"")))
        .isFalse();
  }
}
