package org.lrs4j.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.admin.AuditEntry;

/**
 * Rules every {@link AuditLog} must keep. An implementation's test extends this class and returns a
 * log over empty storage from {@link #newLog()}.
 */
public abstract class AuditLogContract {

  private static final Instant AT = Instant.parse("2024-03-01T10:00:00.123Z");

  private AuditLog log;

  /** Returns a log over storage that holds no entries. */
  protected abstract AuditLog newLog();

  @BeforeEach
  void createLog() {
    log = newLog();
  }

  @Test
  void appendedEntryGetsAnIdAndIsReturned() {
    AuditEntry stored = log.append(AuditEntry.of(AT, "alice", "key.create", "k1", "127.0.0.1"));

    assertThat(stored.id()).isPositive();
    assertThat(log.newest(0, 10)).containsExactly(stored);
  }

  @Test
  void newestPagesBackwards() {
    for (int i = 0; i < 5; i++) {
      log.append(AuditEntry.of(AT.plusSeconds(i), "alice", "action-" + i, "", "local"));
    }

    List<AuditEntry> first = log.newest(0, 2);
    List<AuditEntry> second = log.newest(first.get(1).id(), 2);
    List<AuditEntry> third = log.newest(second.get(1).id(), 2);

    assertThat(first).extracting(AuditEntry::action).containsExactly("action-4", "action-3");
    assertThat(second).extracting(AuditEntry::action).containsExactly("action-2", "action-1");
    assertThat(third).extracting(AuditEntry::action).containsExactly("action-0");
  }
}
