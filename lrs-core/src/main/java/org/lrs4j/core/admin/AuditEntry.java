package org.lrs4j.core.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * One administrative action, as the audit log keeps it.
 *
 * @param id the position in the log, assigned by the repository; 0 before it is stored
 * @param at when the action happened
 * @param actor who acted: an admin user name, {@code oidc:<subject>} for a token, or {@code cli}
 * @param action what was done, such as {@code key.create} or {@code account.delete}
 * @param target what it was done to, such as a key id or a user name; empty when nothing
 * @param address the client's IP address, or {@code local} for the CLI
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String target, String address) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(address, "address");
  }

  /** Returns an entry that has not been stored yet. */
  public static AuditEntry of(
      Instant at, String actor, String action, String target, String address) {
    return new AuditEntry(0, at, actor, action, target, address);
  }
}
