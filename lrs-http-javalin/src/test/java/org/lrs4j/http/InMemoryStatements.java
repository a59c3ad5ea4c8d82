package org.lrs4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.statement.NewStatement;
import org.lrs4j.core.statement.StatementEquivalence;
import org.lrs4j.core.statement.StatementFilter;
import org.lrs4j.core.statement.StatementPage;
import org.lrs4j.core.statement.StoredStatement;

/** Statement repository in memory, used by the HTTP tests until the SQLite adapter is merged. */
final class InMemoryStatements implements StatementRepository {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<UUID, Entry> byId = new LinkedHashMap<>();
  private final Set<UUID> voidedBeforeArrival = new HashSet<>();
  private long sequence;

  private record Entry(long sequence, NewStatement statement, boolean voided) {}

  @Override
  public synchronized void store(List<NewStatement> batch, StatementEquivalence equivalence) {
    List<NewStatement> fresh = new ArrayList<>();
    for (NewStatement statement : batch) {
      Entry existing = byId.get(statement.statement().id());
      if (existing == null) {
        fresh.add(statement);
      } else if (!equivalence.same(
          tree(existing.statement().json()), statement.statement().json())) {
        throw new ConflictException("id: already stored with other content");
      }
    }
    for (NewStatement statement : fresh) {
      Optional<UUID> target = statement.statement().voidingTarget();
      if (target.isPresent()
          && byId.containsKey(target.get())
          && byId.get(target.get()).statement().statement().isVoiding()) {
        throw new InvalidRequestException("object.id: cannot void a voiding statement");
      }
    }
    for (NewStatement statement : fresh) {
      UUID id = statement.statement().id();
      byId.put(id, new Entry(++sequence, statement, voidedBeforeArrival.remove(id)));
      statement.statement().voidingTarget().ifPresent(this::markVoided);
    }
  }

  private void markVoided(UUID target) {
    Entry entry = byId.get(target);
    if (entry == null) {
      voidedBeforeArrival.add(target);
    } else {
      byId.put(target, new Entry(entry.sequence(), entry.statement(), true));
    }
  }

  @Override
  public synchronized Optional<StoredStatement> findById(UUID id) {
    return Optional.ofNullable(byId.get(id)).map(InMemoryStatements::stored);
  }

  @Override
  public synchronized StatementPage find(StatementFilter filter, int limit) {
    Comparator<Entry> order = Comparator.comparingLong(Entry::sequence);
    List<Entry> matches =
        byId.values().stream()
            .filter(entry -> !entry.voided())
            .filter(entry -> after(filter, entry))
            .filter(entry -> inTime(filter, entry))
            .filter(entry -> matches(filter, entry.statement(), 0))
            .sorted(filter.ascending() ? order : order.reversed())
            .toList();
    List<StoredStatement> page =
        matches.stream().limit(limit).map(InMemoryStatements::stored).toList();
    Optional<Long> next =
        matches.size() > limit
            ? Optional.of(page.get(page.size() - 1).sequence())
            : Optional.empty();
    return new StatementPage(page, next);
  }

  @Override
  public Instant consistentThrough() {
    return Instant.now();
  }

  private static boolean after(StatementFilter filter, Entry entry) {
    if (filter.after() == null) {
      return true;
    }
    return filter.ascending()
        ? entry.sequence() > filter.after()
        : entry.sequence() < filter.after();
  }

  private static boolean inTime(StatementFilter filter, Entry entry) {
    Instant stored = entry.statement().stored();
    return (filter.since() == null || stored.isAfter(filter.since()))
        && (filter.until() == null || !stored.isAfter(filter.until()));
  }

  private boolean matches(StatementFilter filter, NewStatement statement, int depth) {
    if (ownMatch(filter, statement)) {
      return true;
    }
    UUID target = statement.index().statementRef();
    if (target == null || depth > 10 || !byId.containsKey(target)) {
      return false;
    }
    return matches(filter, byId.get(target).statement(), depth + 1);
  }

  private static boolean ownMatch(StatementFilter filter, NewStatement statement) {
    var index = statement.index();
    Set<String> agents = filter.relatedAgents() ? index.relatedAgents() : index.agents();
    Set<String> activities =
        filter.relatedActivities() ? index.relatedActivities() : index.activities();
    return (filter.agent() == null || agents.contains(filter.agent()))
        && (filter.verb() == null || filter.verb().equals(index.verb()))
        && (filter.activity() == null || activities.contains(filter.activity()))
        && (filter.registration() == null || filter.registration().equals(index.registration()));
  }

  private static StoredStatement stored(Entry entry) {
    NewStatement statement = entry.statement();
    return new StoredStatement(
        entry.sequence(),
        statement.statement().id(),
        statement.json(),
        statement.stored(),
        entry.voided());
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
