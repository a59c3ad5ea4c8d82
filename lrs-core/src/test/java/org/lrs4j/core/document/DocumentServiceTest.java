package org.lrs4j.core.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.PreconditionFailedException;

class DocumentServiceTest {

  private static final String JSON = "application/json";
  private static final String AGENT = "mbox|mailto:learner@example.com";
  private static final String SHA1_OF_PAGE_4 = "497d663288634bfe6fd1289c6f324af94b985567";
  private static final String ACTIVITY = "http://example.com/activities/course";

  private final InMemoryDocumentRepository repository = new InMemoryDocumentRepository();
  private final Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final DocumentService service =
      new DocumentService(repository, frozen, new ObjectMapper());

  private static DocumentKey state(String id) {
    return new DocumentKey(new DocumentScope(DocumentKind.STATE, ACTIVITY, AGENT, null), id);
  }

  private static DocumentKey profile(String id) {
    return new DocumentKey(
        new DocumentScope(DocumentKind.ACTIVITY_PROFILE, ACTIVITY, null, null), id);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void putStoresBytesWithTypeAndSha1Etag() {
    Document stored =
        service.put(
            state("bookmark"),
            bytes("page 4"),
            "text/plain",
            Preconditions.NONE,
            XapiVersion.V1_0_3);

    assertThat(service.get(state("bookmark")).content()).isEqualTo(bytes("page 4"));
    assertThat(stored.contentType()).isEqualTo("text/plain");
    // SHA-1 of "page 4", computed independently with sha1sum.
    assertThat(stored.etag()).isEqualTo(SHA1_OF_PAGE_4);
    assertThat(stored.etag()).hasSize(40).matches("[0-9a-f]+");
  }

  @Test
  void profilePutWithoutHeadersOnExistingDocumentIsConflict() {
    service.put(profile("p"), bytes("{}"), JSON, Preconditions.NONE, XapiVersion.V1_0_3);

    assertThatThrownBy(
            () ->
                service.put(
                    profile("p"), bytes("{\"a\":1}"), JSON, Preconditions.NONE, XapiVersion.V1_0_3))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("If-Match");
    assertThat(service.get(profile("p")).content()).isEqualTo(bytes("{}"));
  }

  @Test
  void statePutWithoutHeadersReplacesUnder103ButConflictsUnder200() {
    service.put(state("s"), bytes("1"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);
    service.put(state("s"), bytes("2"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);

    assertThat(service.get(state("s")).content()).isEqualTo(bytes("2"));
    assertThatThrownBy(
            () ->
                service.put(
                    state("s"), bytes("3"), "text/plain", Preconditions.NONE, XapiVersion.V2_0_0))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void ifMatchMismatchIsPreconditionFailedAndChangesNothing() {
    service.put(profile("p"), bytes("{}"), JSON, Preconditions.NONE, XapiVersion.V1_0_3);
    Preconditions stale = Preconditions.parse("\"0000000000000000000000000000000000000000\"", null);

    assertThatThrownBy(
            () -> service.put(profile("p"), bytes("{\"x\":1}"), JSON, stale, XapiVersion.V1_0_3))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(service.get(profile("p")).content()).isEqualTo(bytes("{}"));
  }

  @Test
  void ifMatchWithCurrentEtagReplaces() {
    Document first =
        service.put(profile("p"), bytes("{}"), JSON, Preconditions.NONE, XapiVersion.V1_0_3);
    Preconditions current = Preconditions.parse("\"" + first.etag() + "\"", null);

    service.put(profile("p"), bytes("{\"x\":1}"), JSON, current, XapiVersion.V1_0_3);

    assertThat(service.get(profile("p")).content()).isEqualTo(bytes("{\"x\":1}"));
  }

  @Test
  void ifNoneMatchStarOnExistingDocumentFails() {
    Preconditions createOnly = Preconditions.parse(null, "*");
    service.put(profile("p"), bytes("{}"), JSON, createOnly, XapiVersion.V1_0_3);

    assertThatThrownBy(
            () ->
                service.put(profile("p"), bytes("{\"x\":1}"), JSON, createOnly, XapiVersion.V1_0_3))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void postMergesTopLevelProperties() {
    service.put(
        state("s"),
        bytes("{\"x\":\"foo\",\"y\":\"bar\"}"),
        JSON,
        Preconditions.NONE,
        XapiVersion.V1_0_3);

    service.post(
        state("s"),
        bytes("{\"x\":\"bash\",\"z\":\"faz\"}"),
        JSON,
        Preconditions.NONE,
        XapiVersion.V1_0_3);

    assertThat(new String(service.get(state("s")).content(), UTF_8))
        .isEqualTo("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\"}");
  }

  @Test
  void postOfNonJsonIsRejected() {
    assertThatThrownBy(
            () ->
                service.post(
                    state("s"),
                    bytes("plain"),
                    "text/plain",
                    Preconditions.NONE,
                    XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Content-Type");
  }

  @Test
  void postIntoNonJsonDocumentIsRejectedAndChangesNothing() {
    service.put(state("s"), bytes("plain"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);

    assertThatThrownBy(
            () ->
                service.post(
                    state("s"), bytes("{\"a\":1}"), JSON, Preconditions.NONE, XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("text/plain");
    assertThat(service.get(state("s")).content()).isEqualTo(bytes("plain"));
  }

  @Test
  void postOfJsonArrayIsRejected() {
    assertThatThrownBy(
            () ->
                service.post(
                    state("s"), bytes("[1]"), JSON, Preconditions.NONE, XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void updatedMovesForwardOnEachChangeEvenWithFrozenClock() {
    Document first =
        service.put(state("s"), bytes("1"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);
    Document second =
        service.put(state("s"), bytes("2"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);

    assertThat(second.updated()).isAfter(first.updated());
  }

  @Test
  void deleteWithStaleIfMatchKeepsDocument() {
    service.put(state("s"), bytes("1"), "text/plain", Preconditions.NONE, XapiVersion.V1_0_3);

    assertThatThrownBy(() -> service.delete(state("s"), Preconditions.parse("\"abc\"", null)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(repository.find(state("s"))).isPresent();
  }

  @Test
  void scopeRequiresActivityForState() {
    assertThatThrownBy(() -> new DocumentScope(DocumentKind.STATE, null, AGENT, null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("activityId");
  }
}
