package org.lrs4j.core.port;

import java.util.List;
import org.lrs4j.core.admin.AuditEntry;

/** Port for the audit log of administrative actions. Implementations must be thread safe. */
public interface AuditLog {

  /** Appends an entry and returns it with its assigned id. */
  AuditEntry append(AuditEntry entry);

  /**
   * Returns entries newest first.
   *
   * @param before only entries with an id below this; 0 or less for the newest
   * @param limit the maximum number of entries, at least 1
   */
  List<AuditEntry> newest(long before, int limit);
}
