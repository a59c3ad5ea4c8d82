package org.lrs4j.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lrs4j.core.credential.Credential;

/**
 * Stored keys read for verification, each kept for a fixed time after it was read. Keys that are
 * not found are not kept, so a key created by another server process works at once. Thread safe.
 */
final class CredentialCache {

  /** Most keys kept at once; the cache is emptied when a read would exceed it. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Credential credential, Instant readAt) {}

  private final Clock clock;
  private final Duration keepFor;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  CredentialCache(Clock clock, Duration keepFor) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keepFor = Objects.requireNonNull(keepFor, "keepFor");
    if (keepFor.isNegative()) {
      throw new IllegalArgumentException("cache time must not be negative: " + keepFor);
    }
  }

  /** Returns the kept key when it was read less than the cache time ago, else reads it. */
  Optional<Credential> find(String key, Function<String, Optional<Credential>> read) {
    if (keepFor.isZero()) {
      return read.apply(key);
    }

    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && now.isBefore(entry.readAt().plus(keepFor))) {
      return Optional.of(entry.credential());
    }

    Optional<Credential> found = read.apply(key);
    if (found.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(key, new Entry(found.get(), now));
    } else {
      entries.remove(key);
    }
    return found;
  }

  /** Drops the kept copy of a key, so that the next verification reads it again. */
  void forget(String key) {
    entries.remove(key);
  }
}
