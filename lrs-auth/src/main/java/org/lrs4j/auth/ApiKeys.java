package org.lrs4j.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.AuthenticationException;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.error.NotFoundException;
import org.lrs4j.core.port.CredentialRepository;

/**
 * Creates API keys and verifies a presented key and secret. Thread safe.
 *
 * <p>A key id is 96 random bits and a secret 256 random bits, both base64url without padding, so
 * they can be pasted into URLs, shells and HTTP Basic headers unchanged.
 *
 * <p>{@link #verify} may keep each key it reads for a short time (see {@link #cached}), so that a
 * request costs no database read. A change made through this instance (rotation, revocation, new
 * scopes) takes effect at once; a change made by another server process sharing the database takes
 * effect within that time.
 */
public final class ApiKeys {

  private static final int KEY_BYTES = 12;
  private static final int SECRET_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final CredentialRepository repository;
  private final Clock clock;
  private final SecureRandom random;
  private final SecretHasher hasher = new SecretHasher();
  private final CredentialCache cache;

  public ApiKeys(CredentialRepository repository, Clock clock, SecureRandom random) {
    this(repository, clock, random, Duration.ZERO);
  }

  /**
   * Creates a service whose {@link #verify} keeps each key it reads for {@code cacheTime}, or reads
   * the repository on every call when it is zero.
   */
  public ApiKeys(
      CredentialRepository repository, Clock clock, SecureRandom random, Duration cacheTime) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.cache = new CredentialCache(clock, cacheTime);
  }

  /**
   * Returns a service over the repository with the system clock and a new {@link SecureRandom},
   * reading the repository on every verification.
   */
  public static ApiKeys over(CredentialRepository repository) {
    return new ApiKeys(repository, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * Returns a service like {@link #over} whose verification keeps each key it reads for {@code
   * cacheTime}. A key that another server process revokes, rotates or changes keeps working as it
   * was for up to that time on this one.
   */
  public static ApiKeys cached(CredentialRepository repository, Duration cacheTime) {
    return new ApiKeys(repository, Clock.systemUTC(), new SecureRandom(), cacheTime);
  }

  /**
   * Creates and stores a key with a random id and secret.
   *
   * @param label a name for people, such as the content provider the key is for
   * @param scopes what the key may do; at least one
   * @param expiresAt when the key stops working, or null for never; must be in the future
   * @throws InvalidRequestException when there are no scopes or {@code expiresAt} is not in the
   *     future
   */
  public NewApiKey create(String label, Set<Scope> scopes, Instant expiresAt) {
    return create(label, scopes, expiresAt, null);
  }

  /**
   * Creates and stores a key with a random id and secret, owned by an admin account.
   *
   * @param owner the admin account that asked for the key, or null
   * @throws InvalidRequestException when there are no scopes or {@code expiresAt} is not in the
   *     future
   */
  public NewApiKey create(String label, Set<Scope> scopes, Instant expiresAt, String owner) {
    requireScopes(scopes);
    requireFuture(expiresAt);
    String key = randomText(KEY_BYTES);
    String secret = randomText(SECRET_BYTES);
    Credential credential =
        new Credential(
            key, hasher.hash(secret), label, scopes, clock.instant(), expiresAt, false, owner);
    repository.create(credential);
    return new NewApiKey(credential, secret);
  }

  /** Returns every key, oldest first; secrets are never part of a credential. */
  public List<Credential> list() {
    return repository.findAll();
  }

  /**
   * Finds a key by its id.
   *
   * @throws NotFoundException when there is no such key
   */
  public Credential find(String key) {
    return repository
        .findByKey(key)
        .orElseThrow(() -> new NotFoundException("key: no API key with id " + key));
  }

  /**
   * Replaces the scopes of a key.
   *
   * @throws NotFoundException when there is no such key
   */
  public Credential changeScopes(String key, Set<Scope> scopes) {
    requireScopes(scopes);
    Credential changed = find(key).withScopes(scopes);
    repository.update(changed);
    cache.forget(key);
    return changed;
  }

  /**
   * Gives a key a new random secret; the old secret stops working at once.
   *
   * @throws NotFoundException when there is no such key
   * @throws ConflictException when the key is revoked, because a new secret would not make it work
   */
  public NewApiKey rotate(String key) {
    Credential found = find(key);
    if (found.revoked()) {
      throw new ConflictException(
          "key: API key " + key + " is revoked and cannot be rotated; create a new key instead");
    }

    String secret = randomText(SECRET_BYTES);
    Credential rotated = found.withSecretHash(hasher.hash(secret));
    repository.update(rotated);
    cache.forget(key);
    return new NewApiKey(rotated, secret);
  }

  /**
   * Revokes a key; it stays listed, marked revoked.
   *
   * @throws NotFoundException when there is no such key
   */
  public Credential revoke(String key) {
    Credential revoked = find(key).asRevoked();
    repository.update(revoked);
    cache.forget(key);
    return revoked;
  }

  /**
   * Stores a key with an id and secret that an operator chose, unless a key with that id exists.
   *
   * @return the new key, or empty when the id was already taken (the stored key is left as it is)
   * @throws IllegalArgumentException when the id is empty or contains a colon, which HTTP Basic
   *     cannot carry in a user name, or the secret is empty
   */
  public Optional<Credential> createIfMissing(
      String key, String secret, String label, Set<Scope> scopes) {
    if (key.isEmpty() || key.contains(":")) {
      throw new IllegalArgumentException("key id must be non-empty and contain no colon: " + key);
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret of key " + key + " must not be empty");
    }
    requireScopes(scopes);
    if (repository.findByKey(key).isPresent()) {
      return Optional.empty();
    }
    Credential credential = credential(key, secret, label, scopes, null);
    try {
      repository.create(credential);
    } catch (ConflictException e) {
      // Another server process sharing the database created it since the lookup above.
      return Optional.empty();
    }
    return Optional.of(credential);
  }

  /**
   * Returns the stored key when the secret matches and the key is active.
   *
   * @throws AuthenticationException when the key is unknown, the secret wrong, or the key revoked
   *     or expired; an unknown key and a wrong secret get the same message, so that callers cannot
   *     probe for key ids
   */
  public Credential verify(String key, String secret) {
    Optional<Credential> found = cache.find(key, repository::findByKey);
    if (found.isEmpty()) {
      hasher.hash(secret);
      throw new AuthenticationException(
          "Authorization: unknown key or wrong secret for key " + key);
    }

    Credential credential = found.get();
    if (!hasher.matches(secret, credential.secretHash())) {
      throw new AuthenticationException(
          "Authorization: unknown key or wrong secret for key " + key);
    }
    if (credential.revoked()) {
      throw new AuthenticationException("Authorization: key " + key + " has been revoked");
    }
    if (!credential.isActiveAt(clock.instant())) {
      throw new AuthenticationException(
          "Authorization: key " + key + " expired at " + credential.expiresAt());
    }
    return credential;
  }

  private Credential credential(
      String key, String secret, String label, Set<Scope> scopes, Instant expiresAt) {
    return new Credential(
        key, hasher.hash(secret), label, scopes, clock.instant(), expiresAt, false);
  }

  private String randomText(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return ENCODER.encodeToString(buffer);
  }

  private void requireFuture(Instant expiresAt) {
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidRequestException(
          "expiresAt: "
              + expiresAt
              + " is not in the future; a new key must expire after the current time "
              + now);
    }
  }

  private static void requireScopes(Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      throw new InvalidRequestException("scopes: empty; a key needs at least one scope");
    }
  }
}
