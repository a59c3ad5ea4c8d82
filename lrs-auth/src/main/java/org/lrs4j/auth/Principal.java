package org.lrs4j.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ForbiddenException;

/**
 * The authenticated caller of a request.
 *
 * @param key the id of the API key (or, for other schemes, of the credential) the caller used
 * @param scopes what the caller may do
 * @param authority the Agent or Group that statements stored by this caller get as {@code
 *     authority}
 */
public record Principal(String key, Set<Scope> scopes, ObjectNode authority) {

  public Principal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(authority, "authority");
    scopes = Set.copyOf(scopes);
  }

  /** Returns true when the caller holds at least one of the given scopes. */
  public boolean hasAny(Scope... accepted) {
    return Arrays.stream(accepted).anyMatch(scopes::contains);
  }

  /**
   * Checks that the caller holds at least one of the given scopes.
   *
   * @throws ForbiddenException naming the accepted scopes when the caller holds none of them
   */
  public void requireAny(Scope... accepted) {
    if (!hasAny(accepted)) {
      String names = Arrays.stream(accepted).map(Scope::value).collect(Collectors.joining(", "));
      throw new ForbiddenException(
          "key " + key + " lacks the scope for this request; it needs one of: " + names);
    }
  }
}
