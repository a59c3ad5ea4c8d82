package org.lrs4j.core.port;

import java.util.List;
import java.util.Optional;
import org.lrs4j.core.credential.Credential;

/** Port for storing API keys. Implementations must be thread safe. */
public interface CredentialRepository {

  /**
   * Stores a new key.
   *
   * @throws org.lrs4j.core.error.ConflictException when a key with the same id exists
   */
  void create(Credential credential);

  /** Replaces a stored key with the same id, and returns false when there is none. */
  boolean update(Credential credential);

  /** Finds a key by its id, revoked and expired keys included. */
  Optional<Credential> findByKey(String key);

  /** Returns every key, oldest first. */
  List<Credential> findAll();
}
