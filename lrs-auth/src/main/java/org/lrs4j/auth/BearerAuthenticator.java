package org.lrs4j.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.auth.authority.AuthorityTemplate;
import org.lrs4j.auth.authority.AuthorityValues;
import org.lrs4j.auth.oidc.OidcTokenVerifier;
import org.lrs4j.auth.oidc.VerifiedToken;
import org.lrs4j.core.error.AuthenticationException;

/**
 * Authenticates OAuth 2.0 bearer access tokens (RFC 6750) from the configured OpenID Provider.
 * Thread safe.
 *
 * <p>The caller's id is {@code oidc:<client>} (see {@link VerifiedToken#key()}), its scopes are the
 * token's xAPI scopes, and its authority is built from the token's claims by the template.
 */
public final class BearerAuthenticator implements Authenticator {

  private static final String PREFIX = "bearer ";

  private final OidcTokenVerifier verifier;
  private final AuthorityTemplate template;

  public BearerAuthenticator(OidcTokenVerifier verifier, AuthorityTemplate template) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.template = Objects.requireNonNull(template, "template");
  }

  @Override
  public Principal authenticate(Optional<String> authorization) {
    VerifiedToken token = verify(authorization);
    AuthorityValues values = new AuthorityValues(token.key(), "", "", token.claims());
    return new Principal(token.key(), token.scopes(), template.render(values));
  }

  /**
   * Verifies the bearer token of an {@code Authorization} header.
   *
   * @throws AuthenticationException when the header is missing, is not a bearer token, or the token
   *     is not accepted
   */
  public VerifiedToken verify(Optional<String> authorization) {
    String header =
        authorization
            .map(String::strip)
            .orElseThrow(
                () -> new AuthenticationException("Authorization: missing; send a bearer token"));
    if (!isBearer(header)) {
      throw new AuthenticationException("Authorization: expected the Bearer scheme");
    }
    return verifier.verify(header.substring(PREFIX.length()).strip());
  }

  /** Returns true when the header uses the Bearer scheme, in any case. */
  public static boolean isBearer(String header) {
    return header.length() > PREFIX.length()
        && header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX);
  }
}
