package org.lrs4j.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.Authenticator;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.auth.BearerAuthenticator;
import org.lrs4j.auth.SchemeAuthenticator;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.auth.admin.Auditor;
import org.lrs4j.auth.admin.LoginThrottle;
import org.lrs4j.auth.admin.PasswordHasher;
import org.lrs4j.auth.admin.SessionTokens;
import org.lrs4j.auth.authority.AuthorityTemplate;
import org.lrs4j.auth.oidc.OidcSettings;
import org.lrs4j.auth.oidc.OidcTokenVerifier;
import org.lrs4j.http.AdminApi;
import org.lrs4j.persistence.jdbc.JdbcStore;

/** Wires keys, admin accounts, authority templates and OIDC from the configuration. */
final class AuthWiring {

  private final LrsConfig config;
  private final JdbcStore store;

  /**
   * How long a server keeps an API key it has read. A key revoked, rotated or changed by another
   * process (such as {@code lrs key revoke}) keeps working as it was for up to this time.
   */
  static final Duration KEY_CACHE_TIME = Duration.ofSeconds(5);

  private final Clock clock = Clock.systemUTC();
  private final Auditor auditor;
  private final ApiKeys keys;

  AuthWiring(LrsConfig config, JdbcStore store) {
    this.config = config;
    this.store = store;
    this.auditor = new Auditor(store.auditLog(), clock);
    this.keys = ApiKeys.cached(store.credentials(), KEY_CACHE_TIME);
  }

  ApiKeys keys() {
    return keys;
  }

  AdminKeys adminKeys() {
    return new AdminKeys(keys, auditor);
  }

  AdminAccounts accounts() {
    AuthConfig auth = config.auth();
    Duration lifetime = Duration.ofMinutes(minutes(auth.sessionMinutes()));
    return new AdminAccounts(
        store.adminAccounts(),
        PasswordHasher.standard(),
        new SessionTokens(store.adminSessions(), auth.sessionKey(), lifetime, clock),
        LoginThrottle.standard(store.adminSessions(), clock),
        auditor,
        clock);
  }

  AuthorityTemplate template() {
    String file = config.auth().authorityTemplate();
    return file == null
        ? AuthorityTemplate.standard(config.authorityHomePage())
        : AuthorityTemplate.load(Path.of(file), config.authorityHomePage());
  }

  Optional<BearerAuthenticator> bearer(AuthorityTemplate template) {
    AuthConfig auth = config.auth();
    if (auth.oidcIssuer() == null) {
      return Optional.empty();
    }
    if (auth.oidcAudience() == null) {
      throw new IllegalArgumentException(
          AuthConfig.OIDC_AUDIENCE + ": missing; it is required when oidc.issuer is set");
    }
    OidcSettings settings =
        new OidcSettings(
            URI.create(auth.oidcIssuer()),
            auth.oidcAudience(),
            auth.oidcScopePrefix(),
            auth.oidcAdminScope(),
            null,
            null);
    return Optional.of(new BearerAuthenticator(new OidcTokenVerifier(settings, clock), template));
  }

  /** Returns the authenticator of xAPI requests: Basic keys, plus bearer tokens when configured. */
  Authenticator authenticator(AuthorityTemplate template, Optional<BearerAuthenticator> bearer) {
    Authenticator basic = new BasicAuthenticator(keys, template);
    return bearer.<Authenticator>map(b -> new SchemeAuthenticator(basic, b)).orElse(basic);
  }

  AdminApi adminApi(AdminAccounts accounts, Optional<BearerAuthenticator> bearer) {
    return new AdminApi(accounts, adminKeys(), store.auditLog(), bearer);
  }

  private static long minutes(String value) {
    try {
      long minutes = Long.parseLong(value);
      if (minutes >= 1) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value.
    }
    throw new IllegalArgumentException(
        AuthConfig.SESSION_MINUTES
            + ": must be a whole number of at least 1 (value: "
            + value
            + ")");
  }
}
