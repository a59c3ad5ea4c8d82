package org.lrs4j.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lrs4j.core.attachment.AttachmentContent;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/**
 * Port for storing and querying statements. Implementations must be thread safe, and must decide
 * every rule below inside one database transaction so that several processes sharing a database
 * stay correct.
 */
public interface StatementRepository {

  /**
   * Stores a batch all or nothing, in one transaction.
   *
   * <ul>
   *   <li>A statement whose id is already stored is skipped when {@code equivalence} finds it the
   *       same; otherwise a {@link org.lrs4j.core.error.ConflictException} is thrown and nothing in
   *       the batch is stored.
   *   <li>A voiding statement marks its target voided. When the target is not stored yet, the
   *       target is stored voided when it arrives. When the target is itself a voiding statement,
   *       an {@link org.lrs4j.core.error.InvalidRequestException} is thrown and nothing is stored.
   *       A voiding statement that arrives after a statement targeting it with the voided verb is
   *       stored not voided, because a voiding statement cannot be voided.
   *   <li>A statement whose object is a StatementRef is also found by every filter key of the
   *       statement it refers to, recursively, in whichever order the two arrive.
   * </ul>
   *
   * @param batch statements with distinct ids
   * @param equivalence the rule for a statement id that is already stored
   */
  void store(List<NewStatement> batch, StatementEquivalence equivalence);

  /**
   * Stores a batch as {@link #store(List, StatementEquivalence)} does, and the attachment content
   * in the same transaction. Content is kept once per hash: content whose hash is already stored is
   * skipped, also when every statement of the batch was already stored.
   *
   * <p>This default stores batches without attachments only, for repositories that keep no
   * attachment content; such a repository finds none either.
   *
   * @param attachments content with distinct hashes; each source can be opened during the call
   * @throws UnsupportedOperationException when the repository keeps no attachment content and
   *     {@code attachments} is not empty
   */
  default void store(
      List<NewStatement> batch,
      List<AttachmentContent> attachments,
      StatementEquivalence equivalence) {
    if (!attachments.isEmpty()) {
      throw new UnsupportedOperationException(
          getClass().getName() + " does not store attachment content");
    }
    store(batch, equivalence);
  }

  /**
   * Finds stored attachment content by its hash in lowercase hex. The content can be opened after
   * the call returns.
   */
  default Optional<AttachmentContent> findAttachment(String sha2) {
    return Optional.empty();
  }

  /** Finds a statement by id, voided or not. */
  Optional<StoredStatement> findById(UUID id);

  /**
   * Returns up to {@code limit} statements that match the filter and are not voided, in sequence
   * order, newest first unless the filter asks for ascending order.
   */
  StatementPage find(StatementFilter filter, int limit);

  /**
   * Returns a time such that every statement with {@code stored} at or before it is visible to
   * {@link #find}.
   */
  Instant consistentThrough();
}
