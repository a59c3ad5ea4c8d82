package org.lrs4j.core.port;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.document.Document;
import org.lrs4j.core.document.DocumentKey;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.document.DocumentScope;
import org.lrs4j.core.document.DocumentService;
import org.lrs4j.core.document.DocumentSummary;
import org.lrs4j.core.document.Preconditions;
import org.lrs4j.core.error.PreconditionFailedException;

/**
 * Rules every {@link DocumentRepository} must keep. An implementation's test extends this class and
 * returns a repository over empty storage from {@link #newRepository()}. Times in these tests are
 * whole milliseconds, the precision every implementation keeps.
 */
public abstract class DocumentRepositoryContract {

  protected static final String COURSE = "http://example.com/activities/course";
  protected static final String LESSON = "http://example.com/activities/lesson";
  protected static final String ALICE = "mbox|mailto:alice@example.com";
  protected static final String BOB = "account|http://example.com/accounts bob";

  private static final Instant START = Instant.parse("2024-03-01T10:00:00.123Z");
  private static final UUID FIRST_REGISTRATION =
      UUID.fromString("11111111-1111-4111-8111-111111111111");
  private static final UUID SECOND_REGISTRATION =
      UUID.fromString("22222222-2222-4222-8222-222222222222");

  private DocumentRepository repository;

  /** Returns a repository over storage that contains no documents. */
  protected abstract DocumentRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void writtenDocumentIsFoundExactly() {
    byte[] binary = {0, 1, (byte) 0xff, (byte) 0xfe, '\n', 'x'};
    DocumentKey key = state(COURSE, ALICE, null, "bookmark");
    Document document = document(key, binary, "application/octet-stream", START);

    Document stored = repository.write(key, current -> document);

    assertThat(stored).isEqualTo(document);
    assertThat(repository.find(key)).contains(document);
  }

  @Test
  void changeSeesEmptyForMissingDocument() {
    DocumentKey key = activityProfile(COURSE, "p");
    List<Optional<Document>> seen = new ArrayList<>();

    repository.write(
        key,
        current -> {
          seen.add(current);
          return text(key, "one", START);
        });

    assertThat(seen).containsExactly(Optional.empty());
  }

  @Test
  void changeSeesCurrentDocumentAndReplacesIt() {
    DocumentKey key = agentProfile(ALICE, "p");
    Document first = repository.write(key, current -> text(key, "one", START));
    List<Optional<Document>> seen = new ArrayList<>();

    Document second =
        repository.write(
            key,
            current -> {
              seen.add(current);
              return text(key, "two", START.plusMillis(5));
            });

    assertThat(seen).containsExactly(Optional.of(first));
    assertThat(repository.find(key)).contains(second);
  }

  @Test
  void failingChangeStoresNothingAndPropagatesUnchanged() {
    DocumentKey key = agentProfile(ALICE, "p");
    Document first = repository.write(key, current -> text(key, "one", START));
    IllegalStateException failure = new IllegalStateException("rejected by the change");

    assertThatThrownBy(
            () ->
                repository.write(
                    key,
                    current -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(repository.find(key)).contains(first);
  }

  @Test
  void failingChangeOnMissingDocumentCreatesNothing() {
    DocumentKey key = state(COURSE, ALICE, null, "s");

    assertThatThrownBy(
            () ->
                repository.write(
                    key,
                    current -> {
                      throw new PreconditionFailedException("If-Match: the document is missing");
                    }))
        .isInstanceOf(PreconditionFailedException.class);

    assertThat(repository.find(key)).isEmpty();
  }

  @Test
  void documentsAreSeparatedByEveryPartOfTheirKey() {
    DocumentKey stateKey = state(COURSE, ALICE, null, "same");
    repository.write(stateKey, current -> text(stateKey, "state", START));

    assertThat(repository.find(state(COURSE, ALICE, null, "other"))).isEmpty();
    assertThat(repository.find(state(LESSON, ALICE, null, "same"))).isEmpty();
    assertThat(repository.find(state(COURSE, BOB, null, "same"))).isEmpty();
    assertThat(repository.find(activityProfile(COURSE, "same"))).isEmpty();
    assertThat(repository.find(agentProfile(ALICE, "same"))).isEmpty();
  }

  @Test
  void stateWithoutRegistrationMatchesOnlyDocumentWithoutOne() {
    DocumentKey registered = state(COURSE, ALICE, FIRST_REGISTRATION, "s");
    repository.write(registered, current -> text(registered, "registered", START));

    assertThat(repository.find(state(COURSE, ALICE, null, "s"))).isEmpty();
    assertThat(repository.find(state(COURSE, ALICE, SECOND_REGISTRATION, "s"))).isEmpty();
    assertThat(repository.find(registered)).isPresent();
  }

  @Test
  void stateDocumentsOfTwoRegistrationsAreKeptApart() {
    DocumentKey first = state(COURSE, ALICE, FIRST_REGISTRATION, "s");
    DocumentKey second = state(COURSE, ALICE, SECOND_REGISTRATION, "s");
    DocumentKey none = state(COURSE, ALICE, null, "s");

    repository.write(first, current -> text(first, "first", START));
    repository.write(second, current -> text(second, "second", START));
    repository.write(none, current -> text(none, "none", START));

    assertThat(content(first)).isEqualTo("first");
    assertThat(content(second)).isEqualTo("second");
    assertThat(content(none)).isEqualTo("none");
  }

  @Test
  void listReturnsIdsInIdOrderWithChangeTimes() {
    DocumentScope scope = activityProfile(COURSE, "x").scope();
    write(activityProfile(COURSE, "b"), START.plusMillis(2));
    write(activityProfile(COURSE, "a"), START.plusMillis(1));
    write(activityProfile(COURSE, "c"), START);
    write(activityProfile(LESSON, "d"), START);

    assertThat(repository.list(scope, null))
        .containsExactly(
            new DocumentSummary("a", START.plusMillis(1)),
            new DocumentSummary("b", START.plusMillis(2)),
            new DocumentSummary("c", START));
  }

  @Test
  void listSinceExcludesDocumentsChangedAtThatTime() {
    DocumentScope scope = agentProfile(ALICE, "x").scope();
    write(agentProfile(ALICE, "old"), START);
    write(agentProfile(ALICE, "same"), START.plusMillis(10));
    write(agentProfile(ALICE, "new"), START.plusMillis(11));

    List<DocumentSummary> changed = repository.list(scope, START.plusMillis(10));

    assertThat(changed).extracting(DocumentSummary::id).containsExactly("new");
  }

  @Test
  void listSinceWithSubMillisecondTimeIsExclusive() {
    DocumentScope scope = agentProfile(ALICE, "x").scope();
    write(agentProfile(ALICE, "before"), START);
    write(agentProfile(ALICE, "after"), START.plusMillis(1));

    List<DocumentSummary> changed = repository.list(scope, START.plusNanos(500_000));

    assertThat(changed).extracting(DocumentSummary::id).containsExactly("after");
  }

  @Test
  void stateListWithoutRegistrationCoversEveryRegistration() {
    write(state(COURSE, ALICE, null, "a"), START);
    write(state(COURSE, ALICE, FIRST_REGISTRATION, "b"), START);
    write(state(COURSE, ALICE, SECOND_REGISTRATION, "c"), START);
    write(state(COURSE, BOB, null, "d"), START);

    List<DocumentSummary> all = repository.list(stateScope(COURSE, ALICE, null), null);
    List<DocumentSummary> first =
        repository.list(stateScope(COURSE, ALICE, FIRST_REGISTRATION), null);

    assertThat(all).extracting(DocumentSummary::id).containsExactly("a", "b", "c");
    assertThat(first).extracting(DocumentSummary::id).containsExactly("b");
  }

  @Test
  void listOfOneKindLeavesOutTheOthers() {
    write(state(COURSE, ALICE, null, "state"), START);
    write(activityProfile(COURSE, "activity-profile"), START);
    write(agentProfile(ALICE, "agent-profile"), START);

    assertThat(repository.list(activityProfile(COURSE, "x").scope(), null))
        .extracting(DocumentSummary::id)
        .containsExactly("activity-profile");
    assertThat(repository.list(agentProfile(ALICE, "x").scope(), null))
        .extracting(DocumentSummary::id)
        .containsExactly("agent-profile");
  }

  @Test
  void deleteRemovesDocumentAfterCheck() {
    DocumentKey key = state(COURSE, ALICE, null, "s");
    Document stored = write(key, START);
    List<Optional<Document>> checked = new ArrayList<>();

    boolean deleted = repository.delete(key, checked::add);

    assertThat(deleted).isTrue();
    assertThat(checked).containsExactly(Optional.of(stored));
    assertThat(repository.find(key)).isEmpty();
  }

  @Test
  void deleteOfMissingDocumentReturnsFalse() {
    boolean deleted = repository.delete(state(COURSE, ALICE, null, "s"), current -> {});

    assertThat(deleted).isFalse();
  }

  @Test
  void failingDeleteCheckKeepsDocument() {
    DocumentKey key = activityProfile(COURSE, "p");
    write(key, START);
    PreconditionFailedException failure = new PreconditionFailedException("If-Match: stale");

    assertThatThrownBy(
            () ->
                repository.delete(
                    key,
                    current -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(repository.find(key)).isPresent();
  }

  @Test
  void deleteAllWithRegistrationKeepsOtherRegistrations() {
    write(state(COURSE, ALICE, null, "a"), START);
    write(state(COURSE, ALICE, FIRST_REGISTRATION, "b"), START);
    write(state(COURSE, ALICE, SECOND_REGISTRATION, "c"), START);

    int deleted = repository.deleteAll(stateScope(COURSE, ALICE, FIRST_REGISTRATION));

    assertThat(deleted).isEqualTo(1);
    assertThat(repository.list(stateScope(COURSE, ALICE, null), null))
        .extracting(DocumentSummary::id)
        .containsExactly("a", "c");
  }

  @Test
  void deleteAllWithoutRegistrationDeletesEveryRegistration() {
    write(state(COURSE, ALICE, null, "a"), START);
    write(state(COURSE, ALICE, FIRST_REGISTRATION, "b"), START);
    write(state(COURSE, BOB, null, "c"), START);
    write(state(LESSON, ALICE, null, "d"), START);
    write(agentProfile(ALICE, "e"), START);

    int deleted = repository.deleteAll(stateScope(COURSE, ALICE, null));

    assertThat(deleted).isEqualTo(2);
    assertThat(repository.list(stateScope(COURSE, ALICE, null), null)).isEmpty();
    assertThat(repository.find(state(COURSE, BOB, null, "c"))).isPresent();
    assertThat(repository.find(state(LESSON, ALICE, null, "d"))).isPresent();
    assertThat(repository.find(agentProfile(ALICE, "e"))).isPresent();
  }

  @Test
  void documentIdsAndKeysKeepEveryCharacter() {
    String activity = "http://example.com/activities/ünïcödé?x=1&y=2";
    String agent = "account|http://example.com/ Zoë 学习者";
    DocumentKey key = state(activity, agent, null, "id with spaces/and 'quotes' %20");
    write(key, START);

    assertThat(repository.find(key)).isPresent();
    assertThat(repository.list(stateScope(activity, agent, null), null))
        .extracting(DocumentSummary::id)
        .containsExactly("id with spaces/and 'quotes' %20");
  }

  @Test
  void racingIfMatchWritersHaveOneWinnerEachRound() throws Exception {
    DocumentService service =
        new DocumentService(repository, Clock.systemUTC(), new ObjectMapper());
    DocumentKey key = activityProfile(COURSE, "race");
    service.put(key, bytes("start"), "text/plain", Preconditions.NONE, XapiVersion.V2_0_0);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);

    try {
      for (int round = 0; round < 10; round++) {
        String etag = service.get(key).etag();
        Preconditions ifMatch = Preconditions.parse("\"" + etag + "\"", null);
        List<Outcome> outcomes = race(pool, writers, round, key, service, ifMatch);

        List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
        assertThat(winners).as("winners of round %d", round).hasSize(1);
        assertThat(outcomes.stream().filter(Outcome::preconditionFailed))
            .as("412 results of round %d", round)
            .hasSize(writers - 1);
        assertThat(content(key)).isEqualTo(winners.get(0).content());
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void racingCreateOnlyWritersHaveOneWinner() throws Exception {
    DocumentService service =
        new DocumentService(repository, Clock.systemUTC(), new ObjectMapper());
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);

    try {
      for (int round = 0; round < 5; round++) {
        DocumentKey key = agentProfile(ALICE, "created-" + round);
        Preconditions createOnly = Preconditions.parse(null, "*");
        List<Outcome> outcomes = race(pool, writers, round, key, service, createOnly);

        List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
        assertThat(winners).as("winners of round %d", round).hasSize(1);
        assertThat(content(key)).isEqualTo(winners.get(0).content());
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private record Outcome(String content, boolean won, boolean preconditionFailed) {}

  /** Starts every writer at once, each putting its own content, and returns what each got. */
  private static List<Outcome> race(
      ExecutorService pool,
      int writers,
      int round,
      DocumentKey key,
      DocumentService service,
      Preconditions preconditions)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int writer = 0; writer < writers; writer++) {
      String content = "round " + round + " writer " + writer;
      Callable<Outcome> put =
          () -> {
            start.await(10, TimeUnit.SECONDS);
            try {
              service.put(key, bytes(content), "text/plain", preconditions, XapiVersion.V2_0_0);
              return new Outcome(content, true, false);
            } catch (PreconditionFailedException e) {
              return new Outcome(content, false, true);
            }
          };
      futures.add(pool.submit(put));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      outcomes.add(future.get(60, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  private Document write(DocumentKey key, Instant updated) {
    return repository.write(key, current -> text(key, key.id(), updated));
  }

  private String content(DocumentKey key) {
    return new String(repository.find(key).orElseThrow().content(), UTF_8);
  }

  private static Document text(DocumentKey key, String content, Instant updated) {
    return document(key, bytes(content), "text/plain", updated);
  }

  private static Document document(
      DocumentKey key, byte[] content, String contentType, Instant updated) {
    return new Document(key, content, contentType, DocumentService.etagOf(content), updated);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static DocumentScope stateScope(String activity, String agent, UUID registration) {
    return new DocumentScope(DocumentKind.STATE, activity, agent, registration);
  }

  private static DocumentKey state(String activity, String agent, UUID registration, String id) {
    return new DocumentKey(stateScope(activity, agent, registration), id);
  }

  private static DocumentKey activityProfile(String activity, String id) {
    return new DocumentKey(
        new DocumentScope(DocumentKind.ACTIVITY_PROFILE, activity, null, null), id);
  }

  private static DocumentKey agentProfile(String agent, String id) {
    return new DocumentKey(new DocumentScope(DocumentKind.AGENT_PROFILE, null, agent, null), id);
  }
}
