package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.attachment.AttachmentContent;
import org.lrs4j.core.attachment.ContentSource;
import org.lrs4j.core.attachment.Sha2;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.model.Statement;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementIndex;

/**
 * Rules every {@link StatementRepository} that keeps attachment content must follow. An
 * implementation's test extends this class and returns a repository over empty storage from {@link
 * #newRepository()}.
 */
public abstract class StatementAttachmentContract {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StatementEquivalence SAME = (stored, incoming) -> true;
  private static final StatementEquivalence DIFFERENT = (stored, incoming) -> false;
  private static final Instant STORED = Instant.parse("2024-03-01T10:00:00.000Z");

  private StatementRepository repository;

  /** Returns a repository over storage that contains no statements and no attachments. */
  protected abstract StatementRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Test
  void storedContentComesBackByteForByte() {
    byte[] bytes = randomBytes(300_000, 1);
    AttachmentContent content = content(bytes, "image/png");

    repository.store(List.of(statement()), List.of(content), SAME);

    AttachmentContent found = repository.findAttachment(content.sha2()).orElseThrow();
    assertThat(read(found)).isEqualTo(bytes);
    assertThat(found.sha2()).isEqualTo(content.sha2());
    assertThat(found.contentType()).isEqualTo("image/png");
    assertThat(found.length()).isEqualTo(bytes.length);
  }

  @Test
  void emptyContentIsStored() {
    AttachmentContent content = content(new byte[0], "text/plain");

    repository.store(List.of(statement()), List.of(content), SAME);

    assertThat(read(repository.findAttachment(content.sha2()).orElseThrow())).isEmpty();
  }

  @Test
  void findAttachmentMissesUnknownHash() {
    String hash = Sha2.hash(ContentSource.of(new byte[] {1}), "SHA-256");

    assertThat(repository.findAttachment(hash)).isEmpty();
  }

  @Test
  void sameContentInLaterBatchKeepsFirstCopy() {
    byte[] bytes = "certificate".getBytes(StandardCharsets.UTF_8);
    repository.store(List.of(statement()), List.of(content(bytes, "text/plain")), SAME);

    repository.store(List.of(statement()), List.of(content(bytes, "application/pdf")), SAME);

    AttachmentContent found = repository.findAttachment(content(bytes, "x/y").sha2()).orElseThrow();
    assertThat(read(found)).isEqualTo(bytes);
    assertThat(found.contentType()).isEqualTo("text/plain");
  }

  @Test
  void repostOfStoredStatementStoresItsContent() {
    NewStatement statement = statement();
    repository.store(List.of(statement), SAME);
    AttachmentContent content = content(randomBytes(1000, 2), "image/png");

    repository.store(List.of(statement), List.of(content), SAME);

    assertThat(repository.findAttachment(content.sha2())).isPresent();
    assertThat(repository.findById(statement.statement().id())).isPresent();
  }

  @Test
  void conflictingBatchStoresNoContent() {
    NewStatement statement = statement();
    repository.store(List.of(statement), SAME);
    AttachmentContent content = content(randomBytes(1000, 3), "image/png");

    assertThatThrownBy(() -> repository.store(List.of(statement), List.of(content), DIFFERENT))
        .isInstanceOf(ConflictException.class);

    assertThat(repository.findAttachment(content.sha2())).isEmpty();
  }

  @Test
  void severalContentsInOneBatchAreStored() {
    AttachmentContent first = content(randomBytes(500, 4), "image/png");
    AttachmentContent second = content(randomBytes(700, 5), "video/mp4");

    repository.store(List.of(statement(), statement()), List.of(first, second), SAME);

    assertThat(read(repository.findAttachment(first.sha2()).orElseThrow())).isEqualTo(read(first));
    assertThat(read(repository.findAttachment(second.sha2()).orElseThrow()))
        .isEqualTo(read(second));
  }

  private static NewStatement statement() {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", UUID.randomUUID().toString());
    json.putObject("actor").put("mbox", "mailto:alice@example.com");
    json.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
    json.putObject("object").put("id", "http://example.com/courses/algebra");
    json.put("stored", "2024-03-01T10:00:00.000Z");
    Statement statement = new Statement(json);
    return new NewStatement(statement, json.toString(), STORED, StatementIndex.of(statement));
  }

  private static AttachmentContent content(byte[] bytes, String contentType) {
    ContentSource source = ContentSource.of(bytes);
    return new AttachmentContent(Sha2.hash(source, "SHA-256"), contentType, bytes.length, source);
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] read(AttachmentContent content) {
    try (InputStream in = content.content().open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
