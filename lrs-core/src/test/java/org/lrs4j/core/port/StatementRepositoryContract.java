package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementIndex;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Rules every {@link StatementRepository} must keep. An implementation's test extends this class
 * and returns a repository over empty storage from {@link #newRepository()}.
 */
public abstract class StatementRepositoryContract {

  protected static final String ALICE = "mailto:alice@example.com";
  protected static final String BOB = "mailto:bob@example.com";
  protected static final String CAROL = "mailto:carol@example.com";
  protected static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
  protected static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
  protected static final String COMMENTED = "http://adlnet.gov/expapi/verbs/commented";
  protected static final String COURSE = "http://example.com/courses/algebra";
  protected static final String LESSON = "http://example.com/courses/algebra/lesson-1";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StatementEquivalence SAME = (stored, incoming) -> true;
  private static final StatementEquivalence DIFFERENT = (stored, incoming) -> false;
  private static final StatementEquivalence DIFFERENT_VERB =
      new StatementEquivalence() {
        @Override
        public boolean same(JsonNode stored, JsonNode incoming) {
          return false;
        }

        @Override
        public Optional<String> difference(JsonNode stored, JsonNode incoming) {
          return Optional.of("verb.id");
        }
      };
  private static final Instant START = Instant.parse("2024-03-01T10:00:00.000Z");

  private StatementRepository repository;
  private int clockTicks;

  /** Returns a repository over storage that holds no statements. */
  protected abstract StatementRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void storedJsonComesBackExactly() {
    String json =
        "{\"id\":\"%s\",  \"actor\":{\"mbox\":\"%s\",\"name\":\"Zoë 学习者\"},\"verb\":{\"id\":\"%s\","
                .formatted(UUID.randomUUID(), ALICE, COMPLETED)
            + "\"display\":{\"de-DE\":\"abgeschlossen\",\"en-US\":\"completed\"}},"
            + "\"object\":{\"id\":\"%s\"},\"stored\":\"2024-03-01T10:00:00.000Z\"}"
                .formatted(COURSE);
    NewStatement statement = fromJson(json);

    repository.store(List.of(statement), SAME);

    StoredStatement stored = repository.findById(statement.statement().id()).orElseThrow();
    assertThat(stored.json()).isEqualTo(json);
    assertThat(stored.id()).isEqualTo(statement.statement().id());
    assertThat(stored.stored()).isEqualTo(START);
    assertThat(stored.voided()).isFalse();
  }

  @Test
  void findByIdMissesUnknownId() {
    assertThat(repository.findById(UUID.randomUUID())).isEmpty();
  }

  @Test
  void equalRepostChangesNothing() {
    NewStatement statement = statement(ALICE, COMPLETED, COURSE);
    repository.store(List.of(statement), SAME);
    StoredStatement first = repository.findById(statement.statement().id()).orElseThrow();

    repository.store(List.of(statement), SAME);

    assertThat(repository.findById(statement.statement().id())).contains(first);
    assertThat(findAll(StatementFilter.all())).containsExactly(first);
  }

  @Test
  void equalRepostStoresRestOfBatch() {
    NewStatement stored = statement(ALICE, COMPLETED, COURSE);
    NewStatement other = statement(BOB, COMPLETED, COURSE);
    repository.store(List.of(stored), SAME);

    repository.store(List.of(stored, other), SAME);

    assertThat(repository.findById(other.statement().id())).isPresent();
    assertThat(findAll(StatementFilter.all())).hasSize(2);
  }

  @Test
  void conflictingRepostStoresNothingOfBatch() {
    NewStatement stored = statement(ALICE, COMPLETED, COURSE);
    repository.store(List.of(stored), SAME);
    NewStatement other = statement(BOB, COMPLETED, COURSE);

    assertThatThrownBy(() -> repository.store(List.of(other, stored), DIFFERENT))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(stored.statement().id().toString());

    assertThat(repository.findById(other.statement().id())).isEmpty();
    assertThat(findAll(StatementFilter.all())).hasSize(1);
  }

  @Test
  void conflictMessageNamesFirstDifference() {
    NewStatement stored = statement(ALICE, COMPLETED, COURSE);
    repository.store(List.of(stored), SAME);

    assertThatThrownBy(() -> repository.store(List.of(stored), DIFFERENT_VERB))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "id: a different statement is already stored with this id (value: "
                + stored.statement().id()
                + "); first difference at verb.id");
  }

  @Test
  void conflictMessageNamesBatchIndex() {
    NewStatement stored = statement(ALICE, COMPLETED, COURSE);
    repository.store(List.of(stored), SAME);
    NewStatement other = statement(BOB, COMPLETED, COURSE);

    assertThatThrownBy(() -> repository.store(List.of(other, stored), DIFFERENT_VERB))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("[1].id: ")
        .hasMessageEndingWith("first difference at verb.id");
  }

  @Test
  void equivalenceGetsStoredAndIncomingJson() {
    NewStatement stored = statement(ALICE, COMPLETED, COURSE);
    repository.store(List.of(stored), SAME);
    ObjectNode changed = stored.statement().json().deepCopy();
    changed.with("verb").put("id", ATTEMPTED);
    NewStatement incoming = fromJson(changed.toString());
    List<JsonNode> seen = new ArrayList<>();

    repository.store(
        List.of(incoming),
        (storedJson, incomingJson) -> {
          seen.add(storedJson);
          seen.add(incomingJson);
          return true;
        });

    assertThat(seen).containsExactly(stored.statement().json(), changed);
    assertThat(repository.findById(stored.statement().id()).orElseThrow().json())
        .isEqualTo(stored.json());
  }

  @Test
  void voidingHidesTarget() {
    NewStatement target = statement(ALICE, COMPLETED, COURSE);
    NewStatement voiding = voiding(target.statement().id());
    repository.store(List.of(target), SAME);

    repository.store(List.of(voiding), SAME);

    assertThat(repository.findById(target.statement().id()).orElseThrow().voided()).isTrue();
    assertThat(repository.findById(voiding.statement().id()).orElseThrow().voided()).isFalse();
    assertThat(ids(findAll(StatementFilter.all()))).containsExactly(voiding.statement().id());
  }

  @Test
  void targetArrivingAfterVoidingIsStoredVoided() {
    NewStatement target = statement(ALICE, COMPLETED, COURSE);
    NewStatement voiding = store(voiding(target.statement().id()));

    repository.store(List.of(target), SAME);

    assertThat(repository.findById(target.statement().id()).orElseThrow().voided()).isTrue();
    assertThat(ids(findAll(agentFilter(ALICE, false)))).containsExactly(voiding.statement().id());
  }

  @Test
  void voidingInOneBatchWorksInEitherOrder() {
    NewStatement first = statement(ALICE, COMPLETED, COURSE);
    NewStatement second = statement(BOB, COMPLETED, COURSE);

    repository.store(List.of(first, voiding(first.statement().id())), SAME);
    repository.store(List.of(voiding(second.statement().id()), second), SAME);

    assertThat(repository.findById(first.statement().id()).orElseThrow().voided()).isTrue();
    assertThat(repository.findById(second.statement().id()).orElseThrow().voided()).isTrue();
  }

  @Test
  void voidingVoidingStatementIsRejected() {
    NewStatement target = statement(ALICE, COMPLETED, COURSE);
    NewStatement voiding = voiding(target.statement().id());
    repository.store(List.of(target, voiding), SAME);
    NewStatement bystander = statement(BOB, COMPLETED, COURSE);

    assertThatThrownBy(
            () -> repository.store(List.of(bystander, voiding(voiding.statement().id())), SAME))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(voiding.statement().id().toString());

    assertThat(repository.findById(bystander.statement().id())).isEmpty();
    assertThat(repository.findById(voiding.statement().id()).orElseThrow().voided()).isFalse();
  }

  @Test
  void voidingVoidingStatementInOneBatchIsRejected() {
    NewStatement target = statement(ALICE, COMPLETED, COURSE);
    NewStatement voiding = voiding(target.statement().id());

    assertThatThrownBy(
            () ->
                repository.store(List.of(target, voiding, voiding(voiding.statement().id())), SAME))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(repository.findById(target.statement().id())).isEmpty();
  }

  @Test
  void agentFilterMatchesActorAndObject() {
    NewStatement actor = statement(ALICE, COMPLETED, COURSE);
    NewStatement object = store(agentObjectStatement(BOB, ALICE));
    NewStatement member = store(groupStatement(List.of(CAROL, ALICE)));
    NewStatement instructor = store(withInstructor(statement(BOB, COMPLETED, COURSE), ALICE));
    NewStatement unrelated = store(statement(BOB, COMPLETED, COURSE));
    repository.store(List.of(actor), SAME);

    assertThat(ids(findAll(agentFilter(ALICE, false))))
        .containsExactlyInAnyOrder(
            actor.statement().id(), object.statement().id(), member.statement().id());
    assertThat(ids(findAll(agentFilter(ALICE, true))))
        .containsExactlyInAnyOrder(
            actor.statement().id(),
            object.statement().id(),
            member.statement().id(),
            instructor.statement().id());
    assertThat(ids(findAll(agentFilter(ALICE, true)))).doesNotContain(unrelated.statement().id());
  }

  @Test
  void relatedAgentsIncludeAuthority() {
    NewStatement statement = store(withAuthority(statement(BOB, COMPLETED, COURSE), CAROL));

    assertThat(ids(findAll(agentFilter(CAROL, true)))).containsExactly(statement.statement().id());
    assertThat(findAll(agentFilter(CAROL, false))).isEmpty();
  }

  @Test
  void verbFilterMatchesVerbId() {
    NewStatement completed = store(statement(ALICE, COMPLETED, COURSE));
    store(statement(ALICE, ATTEMPTED, COURSE));

    StatementFilter filter = filter(null, false, COMPLETED, null, false, null);

    assertThat(ids(findAll(filter))).containsExactly(completed.statement().id());
  }

  @Test
  void activityFilterMatchesObjectOrContext() {
    NewStatement object = store(statement(ALICE, COMPLETED, LESSON));
    NewStatement parent = store(withParent(statement(ALICE, COMPLETED, COURSE), LESSON));
    store(statement(ALICE, COMPLETED, COURSE));

    assertThat(ids(findAll(filter(null, false, null, LESSON, false, null))))
        .containsExactly(object.statement().id());
    assertThat(ids(findAll(filter(null, false, null, LESSON, true, null))))
        .containsExactlyInAnyOrder(object.statement().id(), parent.statement().id());
  }

  @Test
  void registrationFilterMatchesContextRegistration() {
    UUID registration = UUID.randomUUID();
    NewStatement registered =
        store(withRegistration(statement(ALICE, COMPLETED, COURSE), registration));
    store(withRegistration(statement(ALICE, COMPLETED, COURSE), UUID.randomUUID()));
    store(statement(ALICE, COMPLETED, COURSE));

    assertThat(ids(findAll(filter(null, false, null, null, false, registration))))
        .containsExactly(registered.statement().id());
  }

  @Test
  void filtersCombineWithAnd() {
    NewStatement match = store(statement(ALICE, COMPLETED, COURSE));
    store(statement(ALICE, ATTEMPTED, COURSE));
    store(statement(BOB, COMPLETED, COURSE));
    store(statement(ALICE, COMPLETED, LESSON));

    StatementFilter filter = filter(key(ALICE), false, COMPLETED, COURSE, false, null);

    assertThat(ids(findAll(filter))).containsExactly(match.statement().id());
  }

  @Test
  void sinceIsExclusiveAndUntilInclusive() {
    NewStatement first = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement second = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement third = store(statement(ALICE, COMPLETED, COURSE));

    assertThat(ids(findAll(timeFilter(first.stored(), null))))
        .containsExactly(third.statement().id(), second.statement().id());
    assertThat(ids(findAll(timeFilter(null, second.stored()))))
        .containsExactly(second.statement().id(), first.statement().id());
    assertThat(ids(findAll(timeFilter(first.stored(), second.stored()))))
        .containsExactly(second.statement().id());
  }

  @Test
  void timeFilterCombinesWithKeyFilter() {
    NewStatement first = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement second = store(statement(ALICE, COMPLETED, COURSE));
    store(statement(BOB, COMPLETED, COURSE));

    StatementFilter filter =
        new StatementFilter(
            key(ALICE), false, null, null, false, null, first.stored(), null, false, null);

    assertThat(ids(findAll(filter))).containsExactly(second.statement().id());
  }

  @Test
  void resultsAreNewestFirstUnlessAscending() {
    NewStatement first = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement second = store(statement(ALICE, COMPLETED, COURSE));
    StatementFilter ascending =
        new StatementFilter(null, false, null, null, false, null, null, null, true, null);

    assertThat(ids(findAll(StatementFilter.all())))
        .containsExactly(second.statement().id(), first.statement().id());
    assertThat(ids(findAll(ascending)))
        .containsExactly(first.statement().id(), second.statement().id());
  }

  @Test
  void voidedStatementMatchesNoFilterButItsVoidingStatementDoes() {
    NewStatement target = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement voiding = store(voiding(target.statement().id()));

    assertThat(ids(findAll(filter(null, false, COMPLETED, null, false, null))))
        .containsExactly(voiding.statement().id());
    assertThat(ids(findAll(agentFilter(ALICE, false)))).containsExactly(voiding.statement().id());
    assertThat(ids(findAll(filter(null, false, null, COURSE, true, null))))
        .containsExactly(voiding.statement().id());
    assertThat(ids(findAll(timeFilter(START.minusSeconds(1), null))))
        .containsExactly(voiding.statement().id());
  }

  @Test
  void pageHasNextOnlyWhenMoreMayMatch() {
    store(statement(ALICE, COMPLETED, COURSE));
    store(statement(ALICE, COMPLETED, COURSE));

    StatementPage exact = repository.find(StatementFilter.all(), 2);
    StatementPage shorter = repository.find(StatementFilter.all(), 1);

    assertThat(exact.statements()).hasSize(2);
    assertThat(exact.next()).isEmpty();
    assertThat(shorter.statements()).hasSize(1);
    assertThat(shorter.next()).contains(shorter.statements().get(0).sequence());
  }

  @Test
  void pagingNewestFirstWalksEveryStatementOnce() {
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      expected.add(0, store(statement(ALICE, COMPLETED, COURSE)).statement().id());
    }

    List<UUID> walked = walk(agentFilter(ALICE, false), 5);

    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void pagingAscendingIncludesStatementsArrivingMeanwhile() {
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      expected.add(store(statement(ALICE, COMPLETED, COURSE)).statement().id());
    }
    StatementFilter ascending =
        new StatementFilter(null, false, null, null, false, null, null, null, true, null);

    List<UUID> walked = new ArrayList<>();
    StatementPage page = repository.find(ascending, 5);
    while (true) {
      walked.addAll(ids(page.statements()));
      if (page.next().isEmpty()) {
        break;
      }
      if (expected.size() < 30) {
        expected.add(store(statement(BOB, COMPLETED, COURSE)).statement().id());
        expected.add(store(statement(BOB, COMPLETED, COURSE)).statement().id());
      }
      page = repository.find(ascending.after(page.next().get()), 5);
    }

    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void pagingNewestFirstIsStableWhileStatementsArrive() {
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      expected.add(0, store(statement(ALICE, COMPLETED, COURSE)).statement().id());
    }

    List<UUID> walked = new ArrayList<>();
    StatementPage page = repository.find(StatementFilter.all(), 4);
    while (true) {
      walked.addAll(ids(page.statements()));
      if (page.next().isEmpty()) {
        break;
      }
      store(statement(BOB, COMPLETED, COURSE));
      page = repository.find(StatementFilter.all().after(page.next().get()), 4);
    }

    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(new HashSet<>(walked)).hasSize(walked.size());
  }

  @Test
  void statementRefInheritsTargetKeys() {
    UUID registration = UUID.randomUUID();
    NewStatement target =
        store(
            withRegistration(
                withParent(statement(ALICE, COMPLETED, LESSON), COURSE), registration));
    NewStatement reference = store(reference(BOB, target.statement().id()));

    assertReferenceFoundByTargetKeys(target, reference, registration);
  }

  @Test
  void statementRefArrivingFirstInheritsTargetKeys() {
    UUID registration = UUID.randomUUID();
    NewStatement target =
        withRegistration(withParent(statement(ALICE, COMPLETED, LESSON), COURSE), registration);
    NewStatement reference = store(reference(BOB, target.statement().id()));
    store(target);

    assertReferenceFoundByTargetKeys(target, reference, registration);
  }

  @Test
  void statementRefChainInheritsKeysInAnyOrder() {
    NewStatement target = statement(ALICE, COMPLETED, LESSON);
    NewStatement middle = reference(BOB, target.statement().id());
    NewStatement last = reference(CAROL, middle.statement().id());

    store(last);
    store(target);
    store(middle);

    assertThat(ids(findAll(agentFilter(ALICE, false))))
        .containsExactlyInAnyOrder(
            target.statement().id(), middle.statement().id(), last.statement().id());
    assertThat(ids(findAll(agentFilter(BOB, false))))
        .containsExactlyInAnyOrder(middle.statement().id(), last.statement().id());
  }

  @Test
  void statementRefChainInOneBatchInheritsKeys() {
    NewStatement target = statement(ALICE, COMPLETED, LESSON);
    NewStatement middle = reference(BOB, target.statement().id());
    NewStatement last = reference(CAROL, middle.statement().id());

    repository.store(List.of(last, middle, target), SAME);

    assertThat(ids(findAll(filter(null, false, null, LESSON, false, null))))
        .containsExactlyInAnyOrder(
            target.statement().id(), middle.statement().id(), last.statement().id());
  }

  @Test
  void statementRefToVoidedTargetIsStillFound() {
    NewStatement target = store(statement(ALICE, COMPLETED, COURSE));
    NewStatement reference = store(reference(BOB, target.statement().id()));
    store(voiding(target.statement().id()));

    assertThat(ids(findAll(agentFilter(BOB, false)))).containsExactly(reference.statement().id());
    assertThat(ids(findAll(filter(null, false, COMMENTED, null, false, null))))
        .containsExactly(reference.statement().id());
  }

  @Test
  void consistentThroughCoversStoredStatements() {
    NewStatement statement = store(statement(ALICE, COMPLETED, COURSE));

    Instant consistentThrough = repository.consistentThrough();

    assertThat(consistentThrough).isAfterOrEqualTo(statement.stored());
  }

  @Test
  void concurrentBatchesAreAllStored() throws Exception {
    int writers = 4;
    int batches = 10;
    int batchSize = 5;
    ExecutorService executor = Executors.newFixedThreadPool(writers);
    List<Future<?>> results = new ArrayList<>();
    List<List<NewStatement>> allBatches = new ArrayList<>();
    for (int i = 0; i < writers * batches; i++) {
      List<NewStatement> batch = new ArrayList<>();
      for (int j = 0; j < batchSize; j++) {
        batch.add(statement(ALICE, COMPLETED, COURSE));
      }
      allBatches.add(batch);
    }

    try {
      for (List<NewStatement> batch : allBatches) {
        results.add(executor.submit(() -> repository.store(batch, SAME)));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    List<StoredStatement> stored = findAll(agentFilter(ALICE, false));
    assertThat(stored).hasSize(writers * batches * batchSize);
    assertThat(stored.stream().map(StoredStatement::sequence).distinct()).hasSize(stored.size());
  }

  private void assertReferenceFoundByTargetKeys(
      NewStatement target, NewStatement reference, UUID registration) {
    UUID[] both = {target.statement().id(), reference.statement().id()};
    assertThat(ids(findAll(agentFilter(ALICE, false)))).containsExactlyInAnyOrder(both);
    assertThat(ids(findAll(filter(null, false, COMPLETED, null, false, null))))
        .containsExactlyInAnyOrder(both);
    assertThat(ids(findAll(filter(null, false, null, LESSON, false, null))))
        .containsExactlyInAnyOrder(both);
    assertThat(ids(findAll(filter(null, false, null, COURSE, true, null))))
        .containsExactlyInAnyOrder(both);
    assertThat(ids(findAll(filter(null, false, null, null, false, registration))))
        .containsExactlyInAnyOrder(both);
    assertThat(ids(findAll(agentFilter(BOB, false)))).containsExactly(reference.statement().id());
  }

  private List<UUID> walk(StatementFilter filter, int limit) {
    List<UUID> walked = new ArrayList<>();
    StatementPage page = repository.find(filter, limit);
    while (true) {
      assertThat(page.statements()).hasSizeLessThanOrEqualTo(limit);
      walked.addAll(ids(page.statements()));
      if (page.next().isEmpty()) {
        return walked;
      }
      page = repository.find(filter.after(page.next().get()), limit);
    }
  }

  private List<StoredStatement> findAll(StatementFilter filter) {
    return repository.find(filter, 1000).statements();
  }

  private NewStatement store(NewStatement statement) {
    repository.store(List.of(statement), SAME);
    return statement;
  }

  private static List<UUID> ids(List<StoredStatement> statements) {
    return statements.stream().map(StoredStatement::id).toList();
  }

  private static String key(String mbox) {
    return "mbox|" + mbox;
  }

  private static StatementFilter agentFilter(String mbox, boolean related) {
    return filter(key(mbox), related, null, null, false, null);
  }

  private static StatementFilter filter(
      String agent,
      boolean relatedAgents,
      String verb,
      String activity,
      boolean relatedActivities,
      UUID registration) {
    return new StatementFilter(
        agent,
        relatedAgents,
        verb,
        activity,
        relatedActivities,
        registration,
        null,
        null,
        false,
        null);
  }

  private static StatementFilter timeFilter(Instant since, Instant until) {
    return new StatementFilter(null, false, null, null, false, null, since, until, false, null);
  }

  /** Returns a statement stored one second after the previous one of this test. */
  private NewStatement statement(String actorMbox, String verb, String activity) {
    ObjectNode json = base(actorMbox, verb);
    json.putObject("object").put("id", activity);
    return fromNode(json);
  }

  private NewStatement agentObjectStatement(String actorMbox, String objectMbox) {
    ObjectNode json = base(actorMbox, COMMENTED);
    json.putObject("object").put("objectType", "Agent").put("mbox", objectMbox);
    return fromNode(json);
  }

  private NewStatement groupStatement(List<String> memberMboxes) {
    ObjectNode json = base(BOB, COMPLETED);
    ObjectNode group = json.putObject("actor");
    group.put("objectType", "Group").put("name", "Study group");
    memberMboxes.forEach(mbox -> group.withArray("member").addObject().put("mbox", mbox));
    json.putObject("object").put("id", COURSE);
    return fromNode(json);
  }

  private NewStatement reference(String actorMbox, UUID target) {
    ObjectNode json = base(actorMbox, COMMENTED);
    json.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
    return fromNode(json);
  }

  private NewStatement voiding(UUID target) {
    ObjectNode json = base(CAROL, Statement.VOIDED_VERB);
    json.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
    return fromNode(json);
  }

  private static NewStatement withInstructor(NewStatement statement, String mbox) {
    ObjectNode json = statement.statement().json().deepCopy();
    json.with("context").putObject("instructor").put("mbox", mbox);
    return fromNode(json);
  }

  private static NewStatement withAuthority(NewStatement statement, String mbox) {
    ObjectNode json = statement.statement().json().deepCopy();
    json.putObject("authority").put("mbox", mbox);
    return fromNode(json);
  }

  private static NewStatement withParent(NewStatement statement, String activity) {
    ObjectNode json = statement.statement().json().deepCopy();
    json.with("context")
        .with("contextActivities")
        .putArray("parent")
        .addObject()
        .put("id", activity);
    return fromNode(json);
  }

  private static NewStatement withRegistration(NewStatement statement, UUID registration) {
    ObjectNode json = statement.statement().json().deepCopy();
    json.with("context").put("registration", registration.toString());
    return fromNode(json);
  }

  private ObjectNode base(String actorMbox, String verb) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor").put("mbox", actorMbox);
    json.putObject("verb").put("id", verb);
    json.put("stored", START.plusSeconds(clockTicks++).toString());
    return json;
  }

  private static NewStatement fromNode(ObjectNode json) {
    return fromJson(json.toString());
  }

  /** Builds a statement ready to store from JSON text, which must contain {@code stored}. */
  protected static NewStatement fromJson(String text) {
    ObjectNode json;
    try {
      json = (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test statement is not JSON: " + text, e);
    }
    Statement statement = new Statement(json);
    Instant stored = Instant.parse(json.path("stored").asText()).truncatedTo(ChronoUnit.MILLIS);
    return new NewStatement(statement, text, stored, StatementIndex.of(statement));
  }
}
