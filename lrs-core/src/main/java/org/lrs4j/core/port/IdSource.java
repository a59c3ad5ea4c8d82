package org.lrs4j.core.port;

import java.util.UUID;

/** Port that supplies new statement ids. Implementations must be thread safe. */
@FunctionalInterface
public interface IdSource {

  /** Returns an id that has not been returned before. */
  UUID nextId();

  /** Returns the default source, random (version 4) UUIDs. */
  static IdSource random() {
    return UUID::randomUUID;
  }
}
