package org.lrs4j.core.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.port.AdminAccountRepository;
import org.lrs4j.core.port.AdminSessionRepository;
import org.lrs4j.core.port.AuditLog;

/** In-memory admin accounts, audit log and session state for tests. Thread safe. */
public final class InMemoryAdminStore
    implements AdminAccountRepository, AuditLog, AdminSessionRepository {

  private final Map<String, AdminAccount> accounts = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final AtomicLong auditIds = new AtomicLong();
  private final Map<String, Instant> revoked = new HashMap<>();
  private final List<Map.Entry<String, Instant>> failures = new ArrayList<>();
  private final Map<String, String> secrets = new HashMap<>();

  @Override
  public synchronized void create(AdminAccount account) {
    if (accounts.putIfAbsent(fold(account.username()), account) != null) {
      throw new ConflictException("username: taken (value: " + account.username() + ")");
    }
  }

  @Override
  public synchronized boolean createIfNone(AdminAccount account) {
    if (!accounts.isEmpty()) {
      return false;
    }
    accounts.put(fold(account.username()), account);
    return true;
  }

  @Override
  public synchronized boolean updatePasswordHash(String username, String passwordHash) {
    AdminAccount account = accounts.get(fold(username));
    if (account == null) {
      return false;
    }
    accounts.put(fold(username), account.withPasswordHash(passwordHash));
    return true;
  }

  @Override
  public synchronized Optional<AdminAccount> findByUsername(String username) {
    return Optional.ofNullable(accounts.get(fold(username)));
  }

  @Override
  public synchronized List<AdminAccount> findAll() {
    return accounts.values().stream()
        .sorted(Comparator.comparing(AdminAccount::createdAt).thenComparing(AdminAccount::username))
        .toList();
  }

  @Override
  public synchronized DeleteOutcome deleteUnlessLast(String username) {
    if (!accounts.containsKey(fold(username))) {
      return DeleteOutcome.NOT_FOUND;
    }
    if (accounts.size() == 1) {
      return DeleteOutcome.LAST_ACCOUNT;
    }
    accounts.remove(fold(username));
    return DeleteOutcome.DELETED;
  }

  @Override
  public synchronized AuditEntry append(AuditEntry entry) {
    AuditEntry stored =
        new AuditEntry(
            auditIds.incrementAndGet(),
            entry.at(),
            entry.actor(),
            entry.action(),
            entry.target(),
            entry.address());
    audit.add(stored);
    return stored;
  }

  @Override
  public synchronized List<AuditEntry> newest(long before, int limit) {
    long bound = before <= 0 ? Long.MAX_VALUE : before;
    return audit.stream()
        .filter(entry -> entry.id() < bound)
        .sorted(Comparator.comparingLong(AuditEntry::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void revoke(String tokenId, Instant expiresAt) {
    revoked.putIfAbsent(tokenId, expiresAt);
  }

  @Override
  public synchronized boolean isRevoked(String tokenId) {
    return revoked.containsKey(tokenId);
  }

  @Override
  public synchronized void purgeRevokedBefore(Instant time) {
    revoked.values().removeIf(expiry -> expiry.isBefore(time));
  }

  @Override
  public synchronized void recordFailedLogin(String subject, Instant at) {
    failures.add(Map.entry(subject, at));
  }

  @Override
  public synchronized int countFailedLogins(String subject, Instant since) {
    return (int)
        failures.stream()
            .filter(f -> f.getKey().equals(subject) && !f.getValue().isBefore(since))
            .count();
  }

  @Override
  public synchronized void purgeFailedLoginsBefore(Instant time) {
    failures.removeIf(f -> f.getValue().isBefore(time));
  }

  @Override
  public synchronized void clearFailedLogins(String subject) {
    failures.removeIf(f -> f.getKey().equals(subject));
  }

  @Override
  public synchronized String secret(String name, Supplier<String> initial) {
    return secrets.computeIfAbsent(name, ignored -> initial.get());
  }

  private static String fold(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
