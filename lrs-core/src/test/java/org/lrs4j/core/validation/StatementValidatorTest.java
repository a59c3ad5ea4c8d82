package org.lrs4j.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrs4j.core.XapiVersion.V1_0_3;
import static org.lrs4j.core.XapiVersion.V2_0_0;
import static org.lrs4j.core.validation.Statements.all;
import static org.lrs4j.core.validation.Statements.remove;
import static org.lrs4j.core.validation.Statements.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrs4j.core.XapiVersion;

/** Table of statements that break one rule each, and of edge cases that every rule must accept. */
class StatementValidatorTest {

  private static final Set<XapiVersion> BOTH = EnumSet.allOf(XapiVersion.class);
  private static final Set<XapiVersion> ONLY_1_0_3 = EnumSet.of(V1_0_3);
  private static final Set<XapiVersion> ONLY_2_0_0 = EnumSet.of(V2_0_0);

  private static final String AGENT = "{\"mbox\":\"mailto:x@example.com\"}";
  private static final String GROUP_OF_TWO =
      "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.com\"},"
          + "{\"account\":{\"homePage\":\"http://example.com\",\"name\":\"app\"}}]}";
  private static final String STATEMENT_REF =
      "{\"objectType\":\"StatementRef\",\"id\":\"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}";
  private static final String SUB_STATEMENT =
      "{\"objectType\":\"SubStatement\",\"actor\":"
          + AGENT
          + ",\"verb\":{\"id\":\"http://example.com/planned\"},"
          + "\"object\":{\"id\":\"http://example.com/website\"}}";
  private static final String DEFINITION = "/object/definition";

  private final StatementValidator validator = new StatementValidator();

  record Invalid(
      String name,
      Set<XapiVersion> versions,
      UnaryOperator<ObjectNode> edit,
      String path,
      String rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Valid(String name, Set<XapiVersion> versions, UnaryOperator<ObjectNode> edit) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Invalid> invalidStatements() {
    List<Invalid> cases = new ArrayList<>();
    statementCases(cases);
    actorCases(cases);
    objectCases(cases);
    interactionCases(cases);
    resultCases(cases);
    contextCases(cases);
    formatCases(cases);
    attachmentCases(cases);
    return cases.stream();
  }

  static Stream<Valid> validStatements() {
    return Stream.of(
        valid("base statement", BOTH, s -> s),
        valid("uppercase UUIDs", BOTH, set("/id", "\"FD41C918-B88B-4B20-A0A5-A4C32391AAA0\"")),
        valid("minimal statement", BOTH, s -> minimal()),
        valid(
            "single context activity object",
            BOTH,
            set("/context/contextActivities/other", "{\"id\":\"http://example.com/other\"}")),
        valid("duration in weeks", BOTH, set("/result/duration", "\"P4W\"")),
        valid("duration in years", BOTH, set("/result/duration", "\"P3Y\"")),
        valid("duration with all units", BOTH, set("/result/duration", "\"P3Y1M29DT4H35M59.14S\"")),
        valid("duration finer than 0.01 s", BOTH, set("/result/duration", "\"PT0.0001S\"")),
        valid("timestamp with offset", BOTH, set("/timestamp", "\"2024-03-01T12:30:00+05:30\"")),
        valid(
            "timestamp with nanoseconds",
            BOTH,
            set("/timestamp", "\"2024-03-01T12:30:00.123456789Z\"")),
        valid("timestamp in the future", BOTH, set("/timestamp", "\"2999-12-31T23:59:59Z\"")),
        valid("timestamp on a leap day", BOTH, set("/timestamp", "\"2024-02-29T00:00:00Z\"")),
        valid("timestamp offset +00:00", BOTH, set("/timestamp", "\"2024-03-01T12:30:00+00:00\"")),
        valid("timestamp without offset", ONLY_1_0_3, set("/timestamp", "\"2024-03-01T12:30:00\"")),
        valid("timestamp with space", ONLY_2_0_0, set("/timestamp", "\"2024-03-01 12:30:00Z\"")),
        valid("language tag with script", BOTH, set("/verb/display/zh-Hant-TW", "\"回答\"")),
        valid("private use language tag", BOTH, set("/verb/display/x-klingon", "\"jang\"")),
        valid("grandfathered language tag", BOTH, set("/verb/display/i-klingon", "\"jang\"")),
        valid(
            "language tag with variant", BOTH, set("/verb/display/de-CH-1996", "\"beantwortete\"")),
        valid(
            "urn IRI as activity id",
            BOTH,
            set("/object/id", "\"urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0\"")),
        valid("IRI with non-ASCII", BOTH, set("/verb/id", "\"http://example.com/فعل/خواندن\"")),
        valid(
            "null extension value",
            BOTH,
            set("/result/extensions/http:~1~1example.com~1x", "null")),
        valid(
            "nested extension value",
            BOTH,
            set("/context/extensions/http:~1~1example.com~1x", "{\"a\":[null,1,\"b\"]}")),
        valid(
            "agent as object",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set(
                    "/object",
                    "{\"objectType\":\"Agent\",\"openid\":\"http://openid.example.com/ann\"}"))),
        valid(
            "identified group without members",
            BOTH,
            set("/actor", "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.com\"}")),
        valid("anonymous group as actor", BOTH, set("/actor", GROUP_OF_TWO)),
        valid("authority agent", BOTH, set("/authority", AGENT)),
        valid("authority application and user", BOTH, set("/authority", GROUP_OF_TWO)),
        valid(
            "StatementRef object",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", STATEMENT_REF))),
        valid(
            "SubStatement object",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT))),
        valid(
            "SubStatement with future timestamp",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                set("/object/timestamp", "\"2999-01-01T00:00:00Z\""))),
        valid(
            "voiding statement",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\""),
                set("/object", STATEMENT_REF))),
        valid("version 1.0.0", BOTH, set("/version", "\"1.0.0\"")),
        valid("version 1.0.3", BOTH, set("/version", "\"1.0.3\"")),
        valid("version 2.0.0", ONLY_2_0_0, set("/version", "\"2.0.0\"")),
        valid(
            "score bounds equal raw",
            BOTH,
            set("/result/score", "{\"scaled\":-1,\"raw\":10,\"min\":0,\"max\":10}")),
        valid("empty correct responses", BOTH, set(DEFINITION + "/correctResponsesPattern", "[]")),
        valid("numeric range without minimum", BOTH, numeric("[:]4")),
        valid("numeric range", BOTH, numeric("1.5[:]4")),
        valid("numeric single number", BOTH, numeric("-5")),
        valid(
            "fill-in with parameters",
            BOTH,
            all(
                set(DEFINITION + "/interactionType", "\"fill-in\""),
                remove(DEFINITION + "/choices"),
                set(
                    DEFINITION + "/correctResponsesPattern",
                    "[\"{case_matters=false}{lang=en}foo[,]bar\"]"))),
        valid("matching pairs", BOTH, matching("[\"a[.]x[,]b[.]y\"]")),
        valid(
            "performance steps",
            BOTH,
            performance("[\"{order_matters=false}pong[.]1[:][,]dg[.]10[:]\"]")),
        valid("likert", BOTH, likert("[\"likert_3\"]")),
        valid(
            "true-false",
            BOTH,
            all(
                set(DEFINITION + "/interactionType", "\"true-false\""),
                remove(DEFINITION + "/choices"),
                set(DEFINITION + "/correctResponsesPattern", "[\"true\"]"))),
        valid(
            "other interaction with any pattern",
            BOTH,
            all(
                set(DEFINITION + "/interactionType", "\"other\""),
                remove(DEFINITION + "/choices"),
                set(DEFINITION + "/correctResponsesPattern", "[\"(35.9, -86.6)\"]"))),
        valid(
            "sha-512 attachment", BOTH, set("/attachments/0/sha2", "\"" + "ab".repeat(64) + "\"")),
        valid(
            "attachment with fileUrl",
            BOTH,
            set("/attachments/0/fileUrl", "\"https://example.com/cert.pdf\"")),
        valid(
            "contextAgents and contextGroups",
            ONLY_2_0_0,
            all(
                set(
                    "/context/contextAgents",
                    "[{\"objectType\":\"contextAgent\",\"agent\":"
                        + AGENT
                        + ",\"relevantTypes\":[\"http://example.com/types/mentor\"]}]"),
                set(
                    "/context/contextGroups",
                    "[{\"objectType\":\"contextGroup\",\"group\":" + GROUP_OF_TWO + "}]"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStatements")
  void invalidStatementIsRejected(Invalid test) {
    for (XapiVersion version : test.versions()) {
      List<Violation> violations =
          validator.validate(test.edit().apply(Statements.typical()), version);

      assertThat(violations).as("%s under %s", test.name(), version).isNotEmpty();
      assertThat(violations)
          .as("%s under %s: %s", test.name(), version, violations)
          .anySatisfy(
              violation -> {
                assertThat(violation.path()).isEqualTo(test.path());
                assertThat(violation.rule()).contains(test.rule());
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validStatements")
  void validStatementIsAccepted(Valid test) {
    for (XapiVersion version : test.versions()) {
      List<Violation> violations =
          validator.validate(test.edit().apply(Statements.typical()), version);

      assertThat(violations).as("%s under %s", test.name(), version).isEmpty();
    }
  }

  @Test
  void nonObjectStatementIsRejected() {
    List<Violation> violations = validator.validate(Statements.json("[1]"), V1_0_3);

    assertThat(violations).singleElement().satisfies(v -> assertThat(v.path()).isEmpty());
  }

  @Test
  void everyViolationIsCollected() {
    ObjectNode statement =
        all(
                set("/id", "\"x\""),
                set("/result/score/scaled", "2"),
                set("/context/language", "\"en_us\""))
            .apply(Statements.typical());

    List<Violation> violations = validator.validate(statement, V2_0_0);

    assertThat(violations)
        .extracting(Violation::path)
        .containsExactly("id", "result.score.scaled", "context.language");
  }

  @Test
  void violationsAreCapped() {
    ObjectNode extensions = Statements.typical().objectNode();
    for (int i = 0; i < 150; i++) {
      extensions.put("key" + i, i);
    }
    ObjectNode statement = Statements.typical();
    ((ObjectNode) statement.get("context")).set("extensions", extensions);

    List<Violation> violations = validator.validate(statement, V1_0_3);

    assertThat(violations).hasSize(StatementValidator.MAX_VIOLATIONS);
  }

  @Test
  void violationNamesPathValueAndRule() {
    ObjectNode statement =
        set("/context/contextActivities/parent/0/id", "\"quiz 1\"").apply(Statements.typical());

    List<Violation> violations = validator.validate(statement, V1_0_3);

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("context.contextActivities.parent[0].id");
              assertThat(v.value()).isEqualTo("\"quiz 1\"");
              assertThat(v.rule()).isEqualTo("must be an absolute IRI with a scheme");
            });
  }

  @Test
  void longValueIsShortened() {
    ObjectNode statement =
        set("/verb/id", "\"" + "x".repeat(500) + "\"").apply(Statements.typical());

    Violation violation = validator.validate(statement, V1_0_3).get(0);

    assertThat(violation.value()).hasSizeLessThanOrEqualTo(80).endsWith("...");
  }

  private static void statementCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "wrongly cased property",
            BOTH,
            all(remove("/actor"), set("/Actor", AGENT)),
            "Actor",
            "case sensitive"));
    cases.add(invalid("unknown property", BOTH, set("/foo", "1"), "foo", "extensions"));
    cases.add(
        invalid(
            "null property",
            BOTH,
            set("/context/platform", "null"),
            "context.platform",
            "must not be null"));
    cases.add(invalid("missing actor", BOTH, remove("/actor"), "actor", "is required"));
    cases.add(invalid("missing verb", BOTH, remove("/verb"), "verb", "is required"));
    cases.add(invalid("missing object", BOTH, remove("/object"), "object", "is required"));
    cases.add(
        invalid("id not a UUID", BOTH, set("/id", "\"fd41c918-b88b-4b20-a0a5\""), "id", "UUID"));
    cases.add(invalid("id as number", BOTH, set("/id", "12"), "id", "must be a string"));
    cases.add(invalid("verb id missing", BOTH, remove("/verb/id"), "verb.id", "is required"));
    cases.add(
        invalid(
            "verb id without scheme",
            BOTH,
            set("/verb/id", "\"example.com/verbs/answered\""),
            "verb.id",
            "IRI"));
    cases.add(
        invalid(
            "verb unknown property", BOTH, set("/verb/name", "\"x\""), "verb.name", "extensions"));
    cases.add(invalid("version 1.1.0", BOTH, set("/version", "\"1.1.0\""), "version", "1.0.x"));
    cases.add(invalid("version 0.9.9", BOTH, set("/version", "\"0.9.9\""), "version", "1.0.x"));
    cases.add(invalid("version 1.0", BOTH, set("/version", "\"1.0\""), "version", "1.0.x"));
    cases.add(
        invalid(
            "version 2.0.0 under 1.0.3",
            ONLY_1_0_3,
            set("/version", "\"2.0.0\""),
            "version",
            "2.0.0 requires"));
    cases.add(
        invalid(
            "stored not a timestamp", BOTH, set("/stored", "\"yesterday\""), "stored", "RFC 3339"));
    cases.add(
        invalid(
            "authority of three agents",
            BOTH,
            set(
                "/authority",
                "{\"objectType\":\"Group\",\"member\":["
                    + AGENT
                    + ","
                    + AGENT
                    + ","
                    + AGENT
                    + "]}"),
            "authority",
            "exactly two Agents"));
    cases.add(
        invalid(
            "authority identified group",
            BOTH,
            set(
                "/authority",
                "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.com\",\"member\":["
                    + AGENT
                    + ","
                    + AGENT
                    + "]}"),
            "authority",
            "anonymous Group"));
    cases.add(
        invalid(
            "voiding without StatementRef",
            BOTH,
            set("/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\""),
            "object.objectType",
            "must be StatementRef when the verb is"));
    cases.add(
        invalid(
            "voiding in SubStatement",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                set("/object/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\"")),
            "object.object.objectType",
            "StatementRef"));
  }

  private static void actorCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "agent without identifier",
            BOTH,
            remove("/actor/mbox"),
            "actor",
            "exactly one identifier"));
    cases.add(
        invalid(
            "agent with two identifiers",
            BOTH,
            set("/actor/openid", "\"http://openid.example.com/ann\""),
            "actor",
            "found 2"));
    cases.add(
        invalid(
            "mbox without mailto",
            BOTH,
            set("/actor/mbox", "\"ann@example.com\""),
            "actor.mbox",
            "mailto IRI"));
    cases.add(
        invalid(
            "mbox without domain",
            BOTH,
            set("/actor/mbox", "\"mailto:ann\""),
            "actor.mbox",
            "mailto IRI"));
    cases.add(
        invalid(
            "mbox_sha1sum too short",
            BOTH,
            set("/context/instructor/mbox_sha1sum", "\"b2d3c7\""),
            "context.instructor.mbox_sha1sum",
            "40 hex"));
    cases.add(
        invalid(
            "mbox_sha1sum not hex",
            BOTH,
            set("/context/instructor/mbox_sha1sum", "\"" + "z".repeat(40) + "\""),
            "context.instructor.mbox_sha1sum",
            "40 hex"));
    cases.add(
        invalid(
            "openid without scheme",
            BOTH,
            all(remove("/actor/mbox"), set("/actor/openid", "\"openid.example.com\"")),
            "actor.openid",
            "IRI"));
    cases.add(
        invalid(
            "account without homePage",
            BOTH,
            remove("/context/team/member/0/account/homePage"),
            "context.team.member[0].account.homePage",
            "is required"));
    cases.add(
        invalid(
            "account homePage without scheme",
            BOTH,
            set("/context/team/member/0/account/homePage", "\"lms.example.com\""),
            "context.team.member[0].account.homePage",
            "IRL"));
    cases.add(
        invalid(
            "account without name",
            BOTH,
            remove("/context/team/member/0/account/name"),
            "context.team.member[0].account.name",
            "is required"));
    cases.add(
        invalid(
            "account name as number",
            BOTH,
            set("/context/team/member/0/account/name", "4711"),
            "context.team.member[0].account.name",
            "must be a string"));
    cases.add(
        invalid(
            "account unknown property",
            BOTH,
            set("/context/team/member/0/account/id", "\"1\""),
            "context.team.member[0].account.id",
            "extensions"));
    cases.add(
        invalid(
            "agent name as number",
            BOTH,
            set("/actor/name", "1"),
            "actor.name",
            "must be a string"));
    cases.add(
        invalid(
            "lowercase objectType agent",
            BOTH,
            set("/actor/objectType", "\"agent\""),
            "actor.objectType",
            "Agent or Group"));
    cases.add(
        invalid(
            "agent with member", BOTH, set("/actor/member", "[]"), "actor.member", "extensions"));
    cases.add(
        invalid(
            "anonymous group without member",
            BOTH,
            set("/actor", "{\"objectType\":\"Group\"}"),
            "actor.member",
            "is required"));
    cases.add(
        invalid(
            "anonymous group with no members",
            BOTH,
            set("/actor", "{\"objectType\":\"Group\",\"member\":[]}"),
            "actor.member",
            "at least one Agent"));
    cases.add(
        invalid(
            "group inside group",
            BOTH,
            set("/context/team/member/0", GROUP_OF_TWO),
            "context.team.member[0].objectType",
            "cannot be a member"));
    cases.add(
        invalid(
            "group member without identifier",
            BOTH,
            set("/context/team/member/0", "{\"name\":\"x\"}"),
            "context.team.member[0]",
            "exactly one identifier"));
    cases.add(
        invalid(
            "identified group with two identifiers",
            BOTH,
            set(
                "/actor",
                "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.com\",\"openid\":\"http://example.com/g\"}"),
            "actor",
            "found 2"));
    cases.add(
        invalid(
            "group member not an object",
            BOTH,
            set("/context/team/member/0", "\"ann\""),
            "context.team.member[0]",
            "JSON object"));
    cases.add(
        invalid(
            "member not an array",
            BOTH,
            set("/context/team/member", "{}"),
            "context.team.member",
            "JSON array"));
    cases.add(
        invalid(
            "team without objectType",
            BOTH,
            remove("/context/team/objectType"),
            "context.team.objectType",
            "must be Group"));
    cases.add(
        invalid(
            "team as agent",
            BOTH,
            set("/context/team", AGENT),
            "context.team.objectType",
            "must be Group"));
    cases.add(
        invalid(
            "instructor without identifier",
            BOTH,
            set("/context/instructor", "{\"name\":\"Bob\"}"),
            "context.instructor",
            "exactly one identifier"));
  }

  private static void objectCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "agent object without objectType",
            BOTH,
            set("/object", AGENT),
            "object.objectType",
            "is required when the object is an Agent"));
    cases.add(
        invalid(
            "group object without objectType",
            BOTH,
            set("/object", "{\"member\":[" + AGENT + "]}"),
            "object.objectType",
            "is required when the object is an Agent"));
    cases.add(
        invalid(
            "lowercase objectType activity",
            BOTH,
            set("/object/objectType", "\"activity\""),
            "object.objectType",
            "case sensitive"));
    cases.add(
        invalid(
            "unknown objectType",
            BOTH,
            set("/object/objectType", "\"Statement\""),
            "object.objectType",
            "Activity, Agent, Group"));
    cases.add(
        invalid("activity without id", BOTH, remove("/object/id"), "object.id", "is required"));
    cases.add(
        invalid(
            "activity id with space",
            BOTH,
            set("/object/id", "\"http://example.com/a b\""),
            "object.id",
            "IRI"));
    cases.add(
        invalid(
            "activity unknown property",
            BOTH,
            set("/object/name", "\"x\""),
            "object.name",
            "extensions"));
    cases.add(
        invalid(
            "definition type not an IRI",
            BOTH,
            set(DEFINITION + "/type", "\"cmi.interaction\""),
            "object.definition.type",
            "IRI"));
    cases.add(
        invalid(
            "definition moreInfo not an IRL",
            BOTH,
            set(DEFINITION + "/moreInfo", "\"/quiz-1\""),
            "object.definition.moreInfo",
            "IRL"));
    cases.add(
        invalid(
            "definition name value number",
            BOTH,
            set(DEFINITION + "/name/en-US", "3"),
            "object.definition.name[\"en-US\"]",
            "must be a string"));
    cases.add(
        invalid(
            "definition name as string",
            BOTH,
            set(DEFINITION + "/name", "\"Question\""),
            "object.definition.name",
            "JSON object"));
    cases.add(
        invalid(
            "definition unknown property",
            BOTH,
            set(DEFINITION + "/Type", "\"x\""),
            "object.definition.Type",
            "use \"type\""));
    cases.add(
        invalid(
            "StatementRef without id",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", "{\"objectType\":\"StatementRef\"}")),
            "object.id",
            "is required"));
    cases.add(
        invalid(
            "StatementRef id not a UUID",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", "{\"objectType\":\"StatementRef\",\"id\":\"http://example.com\"}")),
            "object.id",
            "UUID"));
    cases.add(
        invalid(
            "StatementRef with definition",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", STATEMENT_REF),
                set("/object/definition", "{}")),
            "object.definition",
            "extensions"));
    for (String property : List.of("id", "stored", "version", "authority")) {
      String value =
          property.equals("authority")
              ? AGENT
              : property.equals("id")
                  ? "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\""
                  : property.equals("stored") ? "\"2024-01-01T00:00:00Z\"" : "\"1.0.0\"";
      cases.add(
          invalid(
              "SubStatement with " + property,
              BOTH,
              all(
                  remove("/context/revision"),
                  remove("/context/platform"),
                  set("/object", SUB_STATEMENT),
                  set("/object/" + property, value)),
              "object." + property,
              "must not appear in a SubStatement"));
    }
    cases.add(
        invalid(
            "nested SubStatement",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                set("/object/object", SUB_STATEMENT)),
            "object.object.objectType",
            "cannot be nested"));
    cases.add(
        invalid(
            "SubStatement without actor",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                remove("/object/actor")),
            "object.actor",
            "is required"));
    cases.add(
        invalid(
            "SubStatement with bad timestamp",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                set("/object/timestamp", "\"2024-13-01T00:00:00Z\"")),
            "object.timestamp",
            "real date"));
    cases.add(
        invalid(
            "SubStatement context revision with agent object",
            BOTH,
            all(
                remove("/context/revision"),
                remove("/context/platform"),
                set("/object", SUB_STATEMENT),
                set(
                    "/object/object",
                    "{\"objectType\":\"Agent\",\"mbox\":\"mailto:a@example.com\"}"),
                set("/object/context", "{\"revision\":\"1\"}")),
            "object.context.revision",
            "only when"));
  }

  private static void interactionCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "interactionType wrong case",
            BOTH,
            set(DEFINITION + "/interactionType", "\"Choice\""),
            "object.definition.interactionType",
            "case sensitive"));
    cases.add(
        invalid(
            "interaction without interactionType",
            BOTH,
            remove(DEFINITION + "/interactionType"),
            "object.definition.interactionType",
            "is required when"));
    cases.add(
        invalid(
            "component list not allowed",
            BOTH,
            set(DEFINITION + "/scale", "[]"),
            "object.definition.scale",
            "not allowed for interactionType choice"));
    cases.add(
        invalid(
            "components on true-false",
            BOTH,
            set(DEFINITION + "/interactionType", "\"true-false\""),
            "object.definition.choices",
            "no component lists"));
    cases.add(
        invalid(
            "duplicate component id",
            BOTH,
            set(DEFINITION + "/choices/2/id", "\"two\""),
            "object.definition.choices[2].id",
            "unique"));
    cases.add(
        invalid(
            "component without id",
            BOTH,
            remove(DEFINITION + "/choices/1/id"),
            "object.definition.choices[1].id",
            "is required"));
    cases.add(
        invalid(
            "component unknown property",
            BOTH,
            set(DEFINITION + "/choices/1/name", "\"x\""),
            "object.definition.choices[1].name",
            "extensions"));
    cases.add(
        invalid(
            "component description bad tag",
            BOTH,
            set(DEFINITION + "/choices/1/description/en_US", "\"3\""),
            "object.definition.choices[1].description[\"en_US\"]",
            "RFC 5646"));
    cases.add(
        invalid(
            "correctResponsesPattern as string",
            BOTH,
            set(DEFINITION + "/correctResponsesPattern", "\"two\""),
            "object.definition.correctResponsesPattern",
            "JSON array"));
    cases.add(
        invalid(
            "correctResponsesPattern item number",
            BOTH,
            set(DEFINITION + "/correctResponsesPattern", "[2]"),
            "object.definition.correctResponsesPattern[0]",
            "must be a string"));
    cases.add(
        invalid(
            "choice pattern unknown id",
            BOTH,
            set(DEFINITION + "/correctResponsesPattern", "[\"two[,]five\"]"),
            "object.definition.correctResponsesPattern[0]",
            "unknown id \"five\""));
    cases.add(
        invalid(
            "true-false pattern",
            BOTH,
            all(
                set(DEFINITION + "/interactionType", "\"true-false\""),
                remove(DEFINITION + "/choices"),
                set(DEFINITION + "/correctResponsesPattern", "[\"yes\"]")),
            "object.definition.correctResponsesPattern[0]",
            "true or false"));
    cases.add(
        invalid(
            "numeric pattern",
            BOTH,
            numeric("four"),
            "object.definition.correctResponsesPattern[0]",
            "min[:]max"));
    cases.add(
        invalid(
            "numeric empty range",
            BOTH,
            numeric("[:]"),
            "object.definition.correctResponsesPattern[0]",
            "min[:]max"));
    cases.add(
        invalid(
            "matching pattern without pair",
            BOTH,
            matching("[\"a[,]b[.]y\"]"),
            "object.definition.correctResponsesPattern[0]",
            "not a pair"));
    cases.add(
        invalid(
            "matching unknown target",
            BOTH,
            matching("[\"a[.]z\"]"),
            "object.definition.correctResponsesPattern[0]",
            "unknown id \"z\""));
    cases.add(
        invalid(
            "likert with two items",
            BOTH,
            likert("[\"likert_1[,]likert_3\"]"),
            "object.definition.correctResponsesPattern[0]",
            "single scale id"));
    cases.add(
        invalid(
            "likert unknown id",
            BOTH,
            likert("[\"likert_9\"]"),
            "object.definition.correctResponsesPattern[0]",
            "unknown id"));
    cases.add(
        invalid(
            "performance unknown step",
            BOTH,
            performance("[\"serve[.]5\"]"),
            "object.definition.correctResponsesPattern[0]",
            "unknown id \"serve\""));
    cases.add(
        invalid(
            "performance without step",
            BOTH,
            performance("[\"5\"]"),
            "object.definition.correctResponsesPattern[0]",
            "no step id"));
    cases.add(
        invalid(
            "sequencing unknown id",
            BOTH,
            all(
                set(DEFINITION + "/interactionType", "\"sequencing\""),
                set(DEFINITION + "/correctResponsesPattern", "[\"four[,]one\"]")),
            "object.definition.correctResponsesPattern[0]",
            "unknown id \"one\""));
  }

  private static void resultCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "scaled above 1",
            BOTH,
            set("/result/score/scaled", "1.5"),
            "result.score.scaled",
            "between -1 and 1"));
    cases.add(
        invalid(
            "scaled below -1",
            BOTH,
            set("/result/score/scaled", "-1.01"),
            "result.score.scaled",
            "between -1 and 1"));
    cases.add(
        invalid(
            "scaled as string",
            BOTH,
            set("/result/score/scaled", "\"0.5\""),
            "result.score.scaled",
            "JSON number"));
    cases.add(
        invalid(
            "raw above max",
            BOTH,
            set("/result/score/raw", "11"),
            "result.score.raw",
            "greater than max"));
    cases.add(
        invalid(
            "raw below min",
            BOTH,
            set("/result/score/raw", "-1"),
            "result.score.raw",
            "less than min"));
    cases.add(
        invalid(
            "min equal max",
            BOTH,
            set("/result/score/min", "10"),
            "result.score.min",
            "less than max"));
    cases.add(
        invalid(
            "score unknown property",
            BOTH,
            set("/result/score/percent", "50"),
            "result.score.percent",
            "extensions"));
    cases.add(
        invalid(
            "success as string",
            BOTH,
            set("/result/success", "\"true\""),
            "result.success",
            "JSON boolean"));
    cases.add(
        invalid(
            "completion as number",
            BOTH,
            set("/result/completion", "1"),
            "result.completion",
            "JSON boolean"));
    cases.add(
        invalid(
            "response as number",
            BOTH,
            set("/result/response", "2"),
            "result.response",
            "must be a string"));
    for (String duration :
        List.of("P", "PT", "P4W1D", "P1DT", "PT1H1H", "1H", "PT1.5M3S", "P1S", "PT-1S", "P1Y2W")) {
      cases.add(
          invalid(
              "duration " + duration,
              BOTH,
              set("/result/duration", "\"" + duration + "\""),
              "result.duration",
              "ISO 8601 duration"));
    }
    cases.add(
        invalid(
            "result extension key not an IRI",
            BOTH,
            set("/result/extensions/attempt", "1"),
            "result.extensions[\"attempt\"]",
            "IRI"));
  }

  private static void contextCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "registration not a UUID",
            BOTH,
            set("/context/registration", "\"ec531277\""),
            "context.registration",
            "UUID"));
    cases.add(
        invalid(
            "revision with agent object",
            BOTH,
            set("/object", "{\"objectType\":\"Agent\",\"mbox\":\"mailto:a@example.com\"}"),
            "context.revision",
            "only when the statement's object is an Activity"));
    cases.add(
        invalid(
            "platform with StatementRef object",
            BOTH,
            all(remove("/context/revision"), set("/object", STATEMENT_REF)),
            "context.platform",
            "only when"));
    cases.add(
        invalid(
            "revision as number",
            BOTH,
            set("/context/revision", "2"),
            "context.revision",
            "must be a string"));
    cases.add(
        invalid(
            "language with underscore",
            BOTH,
            set("/context/language", "\"en_us\""),
            "context.language",
            "RFC 5646"));
    cases.add(
        invalid(
            "contextActivities unknown kind",
            BOTH,
            set("/context/contextActivities/parents", "[]"),
            "context.contextActivities.parents",
            "extensions"));
    cases.add(
        invalid(
            "contextActivities value string",
            BOTH,
            set("/context/contextActivities/other", "\"http://example.com\""),
            "context.contextActivities.other",
            "Activity object or an array"));
    cases.add(
        invalid(
            "contextActivities value null",
            BOTH,
            set("/context/contextActivities/other", "null"),
            "context.contextActivities.other",
            "must not be null"));
    cases.add(
        invalid(
            "context activity without id",
            BOTH,
            remove("/context/contextActivities/parent/0/id"),
            "context.contextActivities.parent[0].id",
            "is required"));
    cases.add(
        invalid(
            "context activity wrong objectType",
            BOTH,
            set("/context/contextActivities/grouping/0/objectType", "\"Agent\""),
            "context.contextActivities.grouping[0].objectType",
            "must be Activity"));
    cases.add(
        invalid(
            "single context activity without id",
            BOTH,
            set("/context/contextActivities/other", "{\"objectType\":\"Activity\"}"),
            "context.contextActivities.other.id",
            "is required"));
    cases.add(
        invalid(
            "context statement without objectType",
            BOTH,
            remove("/context/statement/objectType"),
            "context.statement.objectType",
            "is required"));
    cases.add(
        invalid(
            "context statement as activity",
            BOTH,
            set("/context/statement/objectType", "\"Activity\""),
            "context.statement.objectType",
            "StatementRef"));
    cases.add(
        invalid(
            "context extension key not an IRI",
            BOTH,
            set("/context/extensions/session", "1"),
            "context.extensions[\"session\"]",
            "IRI"));
    cases.add(
        invalid(
            "contextAgents under 1.0.3",
            ONLY_1_0_3,
            set("/context/contextAgents", "[]"),
            "context.contextAgents",
            "extensions"));
    cases.add(
        invalid(
            "contextGroups under 1.0.3",
            ONLY_1_0_3,
            set("/context/contextGroups", "[]"),
            "context.contextGroups",
            "extensions"));
    String contextAgent = "{\"objectType\":\"contextAgent\",\"agent\":" + AGENT + "}";
    cases.add(
        invalid(
            "contextAgents not an array",
            ONLY_2_0_0,
            set("/context/contextAgents", contextAgent),
            "context.contextAgents",
            "JSON array"));
    cases.add(
        invalid(
            "contextAgent wrong objectType",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                set("/context/contextAgents/0/objectType", "\"ContextAgent\"")),
            "context.contextAgents[0].objectType",
            "must be contextAgent"));
    cases.add(
        invalid(
            "contextAgent without objectType",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                remove("/context/contextAgents/0/objectType")),
            "context.contextAgents[0].objectType",
            "is required"));
    cases.add(
        invalid(
            "contextAgent without agent",
            ONLY_2_0_0,
            set("/context/contextAgents", "[{\"objectType\":\"contextAgent\"}]"),
            "context.contextAgents[0].agent",
            "is required"));
    cases.add(
        invalid(
            "contextAgent with group",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                set("/context/contextAgents/0/agent", GROUP_OF_TWO)),
            "context.contextAgents[0].agent.objectType",
            "must be Agent"));
    cases.add(
        invalid(
            "contextAgent empty relevantTypes",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                set("/context/contextAgents/0/relevantTypes", "[]")),
            "context.contextAgents[0].relevantTypes",
            "at least one IRI"));
    cases.add(
        invalid(
            "contextAgent relevantTypes not IRI",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                set("/context/contextAgents/0/relevantTypes", "[\"mentor\"]")),
            "context.contextAgents[0].relevantTypes[0]",
            "IRI"));
    cases.add(
        invalid(
            "contextAgent unknown property",
            ONLY_2_0_0,
            all(
                set("/context/contextAgents", "[" + contextAgent + "]"),
                set("/context/contextAgents/0/role", "\"x\"")),
            "context.contextAgents[0].role",
            "extensions"));
    String contextGroup = "{\"objectType\":\"contextGroup\",\"group\":" + GROUP_OF_TWO + "}";
    cases.add(
        invalid(
            "contextGroup wrong objectType",
            ONLY_2_0_0,
            all(
                set("/context/contextGroups", "[" + contextGroup + "]"),
                set("/context/contextGroups/0/objectType", "\"contextAgent\"")),
            "context.contextGroups[0].objectType",
            "must be contextGroup"));
    cases.add(
        invalid(
            "contextGroup without group",
            ONLY_2_0_0,
            set("/context/contextGroups", "[{\"objectType\":\"contextGroup\"}]"),
            "context.contextGroups[0].group",
            "is required"));
    cases.add(
        invalid(
            "contextGroup with agent",
            ONLY_2_0_0,
            set(
                "/context/contextGroups",
                "[{\"objectType\":\"contextGroup\",\"group\":" + AGENT + "}]"),
            "context.contextGroups[0].group.objectType",
            "must be Group"));
    cases.add(
        invalid(
            "contextGroup empty anonymous group",
            ONLY_2_0_0,
            set(
                "/context/contextGroups",
                "[{\"objectType\":\"contextGroup\",\"group\":{\"objectType\":\"Group\",\"member\":[]}}]"),
            "context.contextGroups[0].group.member",
            "at least one Agent"));
  }

  private static void formatCases(List<Invalid> cases) {
    cases.add(
        invalid(
            "timestamp with space",
            ONLY_1_0_3,
            set("/timestamp", "\"2024-03-01 12:30:00Z\""),
            "timestamp",
            "space is accepted only under xAPI 2.0.0"));
    for (String offset : List.of("-00", "-0000", "-00:00")) {
      cases.add(
          invalid(
              "timestamp offset " + offset,
              BOTH,
              set("/timestamp", "\"2024-03-01T12:30:00" + offset + "\""),
              "timestamp",
              "must not use the offset -00"));
    }
    cases.add(
        invalid(
            "timestamp without offset",
            ONLY_2_0_0,
            set("/timestamp", "\"2024-03-01T12:30:00\""),
            "timestamp",
            "time zone offset"));
    cases.add(
        invalid(
            "timestamp date only",
            BOTH,
            set("/timestamp", "\"2024-03-01\""),
            "timestamp",
            "RFC 3339"));
    cases.add(
        invalid(
            "timestamp basic format",
            BOTH,
            set("/timestamp", "\"20240301T123000Z\""),
            "timestamp",
            "RFC 3339"));
    cases.add(
        invalid(
            "timestamp February 30",
            BOTH,
            set("/timestamp", "\"2023-02-29T12:30:00Z\""),
            "timestamp",
            "real date"));
    cases.add(
        invalid(
            "timestamp hour 24",
            BOTH,
            set("/timestamp", "\"2024-03-01T24:00:00Z\""),
            "timestamp",
            "real date"));
    cases.add(
        invalid(
            "timestamp empty fraction",
            BOTH,
            set("/timestamp", "\"2024-03-01T12:30:00.Z\""),
            "timestamp",
            "RFC 3339"));
    cases.add(
        invalid(
            "timestamp as number",
            BOTH,
            set("/timestamp", "1709296200"),
            "timestamp",
            "must be a string"));
    cases.add(
        invalid(
            "timestamp offset hour 24",
            BOTH,
            set("/timestamp", "\"2024-03-01T12:30:00+24:00\""),
            "timestamp",
            "RFC 3339"));
    for (String tag :
        List.of(
            "en_us",
            "en-",
            "-en",
            "e",
            "en-US-toolongsubtag",
            "en-US-",
            "en--US",
            "x",
            "en-a",
            "1en")) {
      cases.add(
          invalid(
              "language tag " + tag,
              BOTH,
              set("/verb/display/" + tag, "\"x\""),
              "verb.display[\"" + tag + "\"]",
              "RFC 5646"));
    }
    cases.add(
        invalid(
            "language map value null",
            BOTH,
            set("/verb/display/en-US", "null"),
            "verb.display[\"en-US\"]",
            "must not be null"));
    cases.add(
        invalid(
            "IRI with bad percent",
            BOTH,
            set("/object/id", "\"http://example.com/%zz\""),
            "object.id",
            "IRI"));
    cases.add(invalid("IRI empty", BOTH, set("/object/id", "\"\""), "object.id", "IRI"));
    cases.add(invalid("IRI scheme only", BOTH, set("/object/id", "\"http:\""), "object.id", "IRI"));
    cases.add(
        invalid(
            "IRI with angle bracket",
            BOTH,
            set("/object/id", "\"http://example.com/<a>\""),
            "object.id",
            "IRI"));
  }

  private static void attachmentCases(List<Invalid> cases) {
    String at = "/attachments/0";
    cases.add(
        invalid(
            "attachments not an array",
            BOTH,
            set("/attachments", "{}"),
            "attachments",
            "JSON array"));
    cases.add(
        invalid(
            "attachment without sha2",
            BOTH,
            remove(at + "/sha2"),
            "attachments[0].sha2",
            "is required"));
    cases.add(
        invalid(
            "attachment sha2 wrong length",
            BOTH,
            set(at + "/sha2", "\"abc\""),
            "attachments[0].sha2",
            "SHA-2"));
    cases.add(
        invalid(
            "attachment without usageType",
            BOTH,
            remove(at + "/usageType"),
            "attachments[0].usageType",
            "is required"));
    cases.add(
        invalid(
            "attachment usageType not an IRI",
            BOTH,
            set(at + "/usageType", "\"certificate\""),
            "attachments[0].usageType",
            "IRI"));
    cases.add(
        invalid(
            "attachment without display",
            BOTH,
            remove(at + "/display"),
            "attachments[0].display",
            "is required"));
    cases.add(
        invalid(
            "attachment without contentType",
            BOTH,
            remove(at + "/contentType"),
            "attachments[0].contentType",
            "is required"));
    cases.add(
        invalid(
            "attachment contentType not a media type",
            BOTH,
            set(at + "/contentType", "\"pdf\""),
            "attachments[0].contentType",
            "media type"));
    cases.add(
        invalid(
            "attachment without length",
            BOTH,
            remove(at + "/length"),
            "attachments[0].length",
            "is required"));
    cases.add(
        invalid(
            "attachment length as string",
            BOTH,
            set(at + "/length", "\"12\""),
            "attachments[0].length",
            "integer"));
    cases.add(
        invalid(
            "attachment length fractional",
            BOTH,
            set(at + "/length", "1.5"),
            "attachments[0].length",
            "integer"));
    cases.add(
        invalid(
            "attachment length negative",
            BOTH,
            set(at + "/length", "-1"),
            "attachments[0].length",
            "non-negative"));
    cases.add(
        invalid(
            "attachment fileUrl not an IRL",
            BOTH,
            set(at + "/fileUrl", "\"cert.pdf\""),
            "attachments[0].fileUrl",
            "IRL"));
    cases.add(
        invalid(
            "attachment unknown property",
            BOTH,
            set(at + "/name", "\"x\""),
            "attachments[0].name",
            "extensions"));
  }

  private static UnaryOperator<ObjectNode> numeric(String pattern) {
    return all(
        set(DEFINITION + "/interactionType", "\"numeric\""),
        remove(DEFINITION + "/choices"),
        set(DEFINITION + "/correctResponsesPattern", "[\"" + pattern + "\"]"));
  }

  private static UnaryOperator<ObjectNode> matching(String patterns) {
    return all(
        set(DEFINITION + "/interactionType", "\"matching\""),
        remove(DEFINITION + "/choices"),
        set(DEFINITION + "/source", "[{\"id\":\"a\"},{\"id\":\"b\"}]"),
        set(DEFINITION + "/target", "[{\"id\":\"x\"},{\"id\":\"y\"}]"),
        set(DEFINITION + "/correctResponsesPattern", patterns));
  }

  private static UnaryOperator<ObjectNode> performance(String patterns) {
    return all(
        set(DEFINITION + "/interactionType", "\"performance\""),
        remove(DEFINITION + "/choices"),
        set(DEFINITION + "/steps", "[{\"id\":\"pong\"},{\"id\":\"dg\"}]"),
        set(DEFINITION + "/correctResponsesPattern", patterns));
  }

  private static UnaryOperator<ObjectNode> likert(String patterns) {
    return all(
        set(DEFINITION + "/interactionType", "\"likert\""),
        remove(DEFINITION + "/choices"),
        set(DEFINITION + "/scale", "[{\"id\":\"likert_1\"},{\"id\":\"likert_3\"}]"),
        set(DEFINITION + "/correctResponsesPattern", patterns));
  }

  private static ObjectNode minimal() {
    return (ObjectNode)
        Statements.json(
            "{\"actor\":"
                + AGENT
                + ",\"verb\":{\"id\":\"http://example.com/v\"},\"object\":{\"id\":\"http://example.com/a\"}}");
  }

  private static Invalid invalid(
      String name,
      Set<XapiVersion> versions,
      UnaryOperator<ObjectNode> edit,
      String path,
      String rule) {
    return new Invalid(name, versions, edit, path, rule);
  }

  private static Valid valid(
      String name, Set<XapiVersion> versions, UnaryOperator<ObjectNode> edit) {
    return new Valid(name, versions, edit);
  }
}
