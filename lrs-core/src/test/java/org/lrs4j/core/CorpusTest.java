package org.lrs4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.validation.StatementValidator;

/** The statement corpus loads, stays consistent and covers the statement shapes tests rely on. */
class CorpusTest {

  private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
  private static final List<ObjectNode> STATEMENTS = Corpus.statements();

  @Test
  void corpusHasAtLeast55Statements() {
    assertThat(STATEMENTS).hasSizeGreaterThanOrEqualTo(55);
    assertThat(Corpus.fileNames()).hasSameSizeAs(STATEMENTS);
  }

  @Test
  void fileNamesAreNumberedInIndexOrder() {
    List<String> names = Corpus.fileNames();
    for (int i = 0; i < names.size(); i++) {
      assertThat(names.get(i)).matches("%02d-[a-z0-9]+(-[a-z0-9]+)*\\.json".formatted(i + 1));
    }
  }

  @Test
  void everyListedFileExists() {
    ClassLoader loader = Corpus.class.getClassLoader();
    for (String name : Corpus.fileNames()) {
      assertThat(loader.getResource(Corpus.FOLDER + name)).as(name).isNotNull();
    }
  }

  @Test
  void everyFileInFolderIsListed() throws IOException, URISyntaxException {
    URL folder = Corpus.class.getClassLoader().getResource(Corpus.FOLDER);
    assertThat(folder).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      Set<String> jsonFiles =
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .collect(Collectors.toSet());
      assertThat(jsonFiles).containsExactlyInAnyOrderElementsOf(Corpus.fileNames());
    }
  }

  @Test
  void unknownFileNameIsRejected() {
    assertThatThrownBy(() -> Corpus.statement("99-no-such-statement.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corpus/99-no-such-statement.json");
  }

  @Test
  void loadedStatementsAreFreshCopies() {
    ObjectNode first = Corpus.statement("01-course-launched.json");
    first.remove("actor");

    assertThat(Corpus.statement("01-course-launched.json").has("actor")).isTrue();
  }

  @Test
  void idsAreDistinctLowercaseUuids() {
    List<String> ids = ids();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids)
        .allMatch(
            id ->
                id.matches(
                    "[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertThat(ids).as("statements with an id").hasSizeLessThan(STATEMENTS.size());
  }

  @Test
  void statementsLeaveLrsPropertiesUnset() {
    for (ObjectNode statement : STATEMENTS) {
      assertThat(statement.has("stored")).as(describe(statement)).isFalse();
      assertThat(statement.has("authority")).as(describe(statement)).isFalse();
      assertThat(statement.has("attachments")).as(describe(statement)).isFalse();
      assertThat(statement.path("version").asText("1.0.0"))
          .as(describe(statement))
          .isEqualTo("1.0.0");
    }
    assertThat(STATEMENTS).anyMatch(statement -> statement.has("version"));
  }

  @Test
  void statementsPassStructuralValidation() {
    StatementValidator validator = new StatementValidator();
    for (ObjectNode statement : STATEMENTS) {
      assertThat(validator.validate(statement, XapiVersion.V1_0_3))
          .as(describe(statement))
          .isEmpty();
    }
  }

  @Test
  void timestampsArePastAndUseSeveralOffsets() {
    OffsetDateTime now = OffsetDateTime.now();
    Set<String> offsets = new HashSet<>();
    for (ObjectNode statement : STATEMENTS) {
      if (statement.has("timestamp")) {
        OffsetDateTime timestamp = OffsetDateTime.parse(statement.get("timestamp").asText());
        assertThat(timestamp).as(describe(statement)).isBefore(now);
        offsets.add(timestamp.getOffset().getId());
      }
    }
    assertThat(offsets).contains("Z").hasSizeGreaterThanOrEqualTo(5);
    assertThat(STATEMENTS).anyMatch(statement -> !statement.has("timestamp"));
  }

  @Test
  void voidingTargetsEarlierStatement() {
    Map<String, Integer> positions = positionsById();
    List<ObjectNode> voiding =
        STATEMENTS.stream().filter(s -> s.at("/verb/id").asText().equals(VOIDED)).toList();

    assertThat(voiding).hasSize(1);
    JsonNode target = voiding.get(0).get("object");
    assertThat(target.path("objectType").asText()).isEqualTo("StatementRef");
    Integer targetPosition = positions.get(target.path("id").asText());
    assertThat(targetPosition).isNotNull().isLessThan(STATEMENTS.indexOf(voiding.get(0)));
    assertThat(STATEMENTS.get(targetPosition).at("/verb/id").asText()).isNotEqualTo(VOIDED);
  }

  @Test
  void statementReferencesPointIntoCorpus() {
    Set<String> ids = Set.copyOf(ids());
    List<JsonNode> references = new ArrayList<>();
    for (ObjectNode statement : STATEMENTS) {
      references.addAll(statement.findParents("objectType"));
    }
    List<String> targets =
        references.stream()
            .filter(node -> node.path("objectType").asText().equals("StatementRef"))
            .map(node -> node.path("id").asText())
            .toList();

    assertThat(targets).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ids).containsAll(targets);
  }

  @Test
  void corpusCoversStatementObjectTypes() {
    Set<String> objectTypes = collect(s -> s.at("/object/objectType").asText("Activity"));

    assertThat(objectTypes)
        .containsExactlyInAnyOrder("Activity", "Agent", "Group", "StatementRef", "SubStatement");
    assertThat(STATEMENTS).anyMatch(s -> !s.at("/object").has("objectType"));
    assertThat(STATEMENTS)
        .anyMatch(
            s ->
                s.at("/object/objectType").asText().equals("SubStatement")
                    && s.at("/object/object/objectType").asText().equals("StatementRef"));
  }

  @Test
  void corpusCoversGroupActors() {
    List<JsonNode> groups =
        STATEMENTS.stream()
            .map(s -> s.get("actor"))
            .filter(actor -> actor.path("objectType").asText().equals("Group"))
            .toList();

    assertThat(groups).anyMatch(group -> !isAnonymous(group) && group.has("member"));
    assertThat(groups).anyMatch(group -> !isAnonymous(group) && !group.has("member"));
    assertThat(groups).anyMatch(CorpusTest::isAnonymous);
  }

  @Test
  void corpusCoversEveryActorIdentifierKind() {
    Set<String> kinds = new HashSet<>();
    for (ObjectNode statement : STATEMENTS) {
      statement.get("actor").fieldNames().forEachRemaining(kinds::add);
    }

    assertThat(kinds).contains("mbox", "mbox_sha1sum", "openid", "account");
  }

  @Test
  void corpusCoversEveryInteractionType() {
    Set<String> types = new HashSet<>();
    for (ObjectNode statement : STATEMENTS) {
      JsonNode definition = statement.at("/object/definition");
      if (definition.has("interactionType")) {
        assertThat(definition.has("correctResponsesPattern")).as(describe(statement)).isTrue();
        types.add(definition.get("interactionType").asText());
      }
    }

    assertThat(types)
        .containsExactlyInAnyOrder(
            "true-false",
            "choice",
            "fill-in",
            "long-fill-in",
            "matching",
            "performance",
            "sequencing",
            "likert",
            "numeric",
            "other");
  }

  @Test
  void corpusCoversContextProperties() {
    Set<String> contextKeys = new HashSet<>();
    for (ObjectNode statement : STATEMENTS) {
      statement.path("context").fieldNames().forEachRemaining(contextKeys::add);
    }

    assertThat(contextKeys)
        .contains(
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions");
  }

  @Test
  void contextActivitiesAppearAsObjectAndArray() {
    for (String kind : List.of("parent", "grouping", "category", "other")) {
      String path = "/context/contextActivities/" + kind;
      assertThat(STATEMENTS).as(kind + " as array").anyMatch(s -> s.at(path).isArray());
      assertThat(STATEMENTS).as(kind + " as object").anyMatch(s -> s.at(path).isObject());
    }
  }

  @Test
  void registrationSharedByThreeStatements() {
    Map<String, Long> counts =
        STATEMENTS.stream()
            .map(s -> s.at("/context/registration").asText(""))
            .filter(registration -> !registration.isEmpty())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(counts.values()).anyMatch(count -> count >= 3);
    assertThat(counts).as("distinct registrations").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void languageMapsIncludeNonAsciiText() {
    Set<String> tags = new HashSet<>();
    List<JsonNode> nonAsciiMaps = new ArrayList<>();
    for (ObjectNode statement : STATEMENTS) {
      for (JsonNode map : languageMaps(statement)) {
        map.fieldNames().forEachRemaining(tags::add);
        if (hasNonAsciiValue(map)) {
          nonAsciiMaps.add(map);
        }
      }
    }

    assertThat(nonAsciiMaps).isNotEmpty();
    assertThat(tags).contains("de-DE", "fr-FR", "ja-JP", "zh-CN", "ar", "es-419", "en-US");
  }

  @Test
  void resultsCoverScoresDurationsAndExtensions() {
    List<JsonNode> results = STATEMENTS.stream().map(s -> s.path("result")).toList();

    assertThat(results)
        .anyMatch(
            r ->
                r.path("score").size() == 4
                    && r.has("success")
                    && r.has("completion")
                    && r.path("duration").asText().equals("PT4M30S")
                    && r.has("response"));
    assertThat(results).anyMatch(r -> r.at("/score/scaled").asDouble() < 0);
    assertThat(results).anyMatch(r -> r.path("extensions").isObject());
  }

  private static boolean isAnonymous(JsonNode group) {
    return Stream.of("mbox", "mbox_sha1sum", "openid", "account").noneMatch(group::has);
  }

  private static List<JsonNode> languageMaps(JsonNode statement) {
    List<JsonNode> maps = new ArrayList<>();
    maps.addAll(statement.findValues("display"));
    maps.addAll(statement.findValues("description"));
    for (JsonNode definition : statement.findValues("definition")) {
      maps.add(definition.path("name"));
    }
    return maps.stream().filter(JsonNode::isObject).toList();
  }

  private static boolean hasNonAsciiValue(JsonNode languageMap) {
    for (JsonNode value : languageMap) {
      if (value.asText().chars().anyMatch(c -> c > 127)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> ids() {
    return STATEMENTS.stream().filter(s -> s.has("id")).map(s -> s.get("id").asText()).toList();
  }

  private static Map<String, Integer> positionsById() {
    return STATEMENTS.stream()
        .filter(s -> s.has("id"))
        .collect(Collectors.toMap(s -> s.get("id").asText(), STATEMENTS::indexOf));
  }

  private static Set<String> collect(Function<ObjectNode, String> property) {
    return STATEMENTS.stream().map(property).collect(Collectors.toSet());
  }

  private static String describe(ObjectNode statement) {
    return Corpus.fileNames().get(STATEMENTS.indexOf(statement));
  }
}
