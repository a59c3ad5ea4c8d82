package org.lrs4j.auth.admin;

import java.time.Clock;
import java.util.Objects;
import org.lrs4j.core.admin.AuditEntry;
import org.lrs4j.core.port.AuditLog;

/** Writes administrative actions to the audit log with the current time. Thread safe. */
public final class Auditor {

  private final AuditLog log;
  private final Clock clock;

  public Auditor(AuditLog log, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Appends an entry.
   *
   * @param actor who acted, such as an admin user name or {@code cli}
   * @param action what was done, such as {@code key.create}
   * @param target what it was done to
   * @param address the client address, or {@code local}
   */
  public void record(String actor, String action, String target, String address) {
    log.append(AuditEntry.of(clock.instant(), actor, action, target, address));
  }

  /** Returns the underlying log. */
  public AuditLog log() {
    return log;
  }
}
