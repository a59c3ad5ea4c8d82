package org.lrs4j.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.port.CredentialRepository;

/** Credential repository in a map, for tests of the services above it. */
final class InMemoryCredentials implements CredentialRepository {

  private final Map<String, Credential> byKey = new LinkedHashMap<>();

  @Override
  public synchronized void create(Credential credential) {
    if (byKey.putIfAbsent(credential.key(), credential) != null) {
      throw new ConflictException("key " + credential.key() + " exists");
    }
  }

  @Override
  public synchronized boolean update(Credential credential) {
    return byKey.replace(credential.key(), credential) != null;
  }

  @Override
  public synchronized Optional<Credential> findByKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @Override
  public synchronized List<Credential> findAll() {
    return new ArrayList<>(byKey.values());
  }
}
