package org.lrs4j.auth;

import java.util.Optional;

/**
 * Turns the credentials of a request into a {@link Principal}. Each scheme (HTTP Basic with API
 * keys, bearer tokens) is one implementation. Implementations must be thread safe.
 */
public interface Authenticator {

  /**
   * Authenticates a request by its {@code Authorization} header.
   *
   * @param authorization the header value, or empty when the request has none
   * @return the caller
   * @throws org.lrs4j.core.error.AuthenticationException when the header is missing, malformed, or
   *     names credentials that are unknown, wrong, revoked or expired; never any other exception
   *     for client input
   */
  Principal authenticate(Optional<String> authorization);
}
