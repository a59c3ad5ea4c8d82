package org.lrs4j.persistence.jdbc;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code stored} times of the batches this process is writing and has not committed yet. The
 * oldest one bounds the time through which every statement is visible.
 */
final class InFlightWrites {

  /** A write in progress; closing it ends the write. */
  interface Write extends AutoCloseable {
    @Override
    void close();
  }

  private record Entry(Instant stored, long number) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = stored.compareTo(other.stored);
      return byTime != 0 ? byTime : Long.compare(number, other.number);
    }
  }

  private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>();
  private final AtomicLong numbers = new AtomicLong();

  /** Registers a write whose oldest statement has the given {@code stored} time. */
  Write begin(Instant oldestStored) {
    Entry entry = new Entry(oldestStored, numbers.incrementAndGet());
    entries.add(entry);
    return () -> entries.remove(entry);
  }

  /** Returns the oldest {@code stored} time among the writes in progress. */
  Optional<Instant> oldest() {
    try {
      return Optional.of(entries.first().stored());
    } catch (NoSuchElementException e) {
      return Optional.empty();
    }
  }
}
