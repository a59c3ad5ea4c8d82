package org.lrs4j.auth.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.NewApiKey;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;

/** API key administration with every change written to the audit log. Thread safe. */
public final class AdminKeys {

  private final ApiKeys keys;
  private final Auditor auditor;

  public AdminKeys(ApiKeys keys, Auditor auditor) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.auditor = Objects.requireNonNull(auditor, "auditor");
  }

  /** Creates a key owned by the actor when the actor is an admin account. */
  public NewApiKey create(
      String label, Set<Scope> scopes, Instant expiresAt, String owner, AdminActor actor) {
    NewApiKey created = keys.create(label, scopes, expiresAt, owner);
    auditor.record(
        actor.name(), "key.create", created.key() + " " + names(scopes), actor.address());
    return created;
  }

  /** Returns every key, oldest first. */
  public List<Credential> list() {
    return keys.list();
  }

  /** Finds a key by its id. */
  public Credential find(String key) {
    return keys.find(key);
  }

  /** Replaces the scopes of a key. */
  public Credential changeScopes(String key, Set<Scope> scopes, AdminActor actor) {
    Credential changed = keys.changeScopes(key, scopes);
    auditor.record(actor.name(), "key.scopes", key + " " + names(scopes), actor.address());
    return changed;
  }

  /** Gives a key a new secret. */
  public NewApiKey rotate(String key, AdminActor actor) {
    NewApiKey rotated = keys.rotate(key);
    auditor.record(actor.name(), "key.rotate", key, actor.address());
    return rotated;
  }

  /** Revokes a key. */
  public Credential revoke(String key, AdminActor actor) {
    Credential revoked = keys.revoke(key);
    auditor.record(actor.name(), "key.revoke", key, actor.address());
    return revoked;
  }

  private static String names(Set<Scope> scopes) {
    return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(","));
  }
}
