package org.lrs4j.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends bearer tokens to one authenticator and everything else (HTTP Basic, or nothing) to another.
 * Thread safe when both are.
 */
public final class SchemeAuthenticator implements Authenticator {

  private final Authenticator basic;
  private final Authenticator bearer;

  public SchemeAuthenticator(Authenticator basic, Authenticator bearer) {
    this.basic = Objects.requireNonNull(basic, "basic");
    this.bearer = Objects.requireNonNull(bearer, "bearer");
  }

  @Override
  public Principal authenticate(Optional<String> authorization) {
    boolean isBearer =
        authorization.map(String::strip).filter(BearerAuthenticator::isBearer).isPresent();
    return isBearer ? bearer.authenticate(authorization) : basic.authenticate(authorization);
  }
}
