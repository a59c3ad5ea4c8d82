package org.lrs4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Settings of admin accounts, authority templates and OpenID Connect, read like every other setting
 * (file, then {@code LRS_*} environment variables, then options).
 *
 * @param adminUsername first admin created when no account exists ({@code admin.username})
 * @param adminPassword that admin's password ({@code admin.password}), never printed
 * @param sessionKey base64 HS256 key of at least 32 bytes for admin session tokens ({@code
 *     admin.session.key}); when empty, a key is generated once and kept in the database
 * @param sessionMinutes lifetime of an admin session token ({@code admin.session.minutes}, default
 *     60)
 * @param authorityTemplate path of a JSON authority template ({@code authority.template}), or null
 *     for the default Agent with an account on the authority home page named by the key id
 * @param oidcIssuer issuer URL of the OpenID Provider ({@code oidc.issuer}), or null for no bearer
 *     tokens
 * @param oidcAudience the {@code aud} that tokens must carry ({@code oidc.audience})
 * @param oidcScopePrefix prefix of the LRS's scopes in the token ({@code oidc.scope.prefix})
 * @param oidcAdminScope scope that opens the admin API ({@code oidc.admin.scope}, default admin)
 */
public record AuthConfig(
    String adminUsername,
    String adminPassword,
    String sessionKey,
    String sessionMinutes,
    String authorityTemplate,
    String oidcIssuer,
    String oidcAudience,
    String oidcScopePrefix,
    String oidcAdminScope) {

  static final String ADMIN_USERNAME = "admin.username";
  static final String ADMIN_PASSWORD = "admin.password";
  static final String SESSION_KEY = "admin.session.key";
  static final String SESSION_MINUTES = "admin.session.minutes";
  static final String AUTHORITY_TEMPLATE = "authority.template";
  static final String OIDC_ISSUER = "oidc.issuer";
  static final String OIDC_AUDIENCE = "oidc.audience";
  static final String OIDC_SCOPE_PREFIX = "oidc.scope.prefix";
  static final String OIDC_ADMIN_SCOPE = "oidc.admin.scope";

  /** Every setting name of this group. */
  static final List<String> NAMES =
      List.of(
          ADMIN_USERNAME,
          ADMIN_PASSWORD,
          SESSION_KEY,
          SESSION_MINUTES,
          AUTHORITY_TEMPLATE,
          OIDC_ISSUER,
          OIDC_AUDIENCE,
          OIDC_SCOPE_PREFIX,
          OIDC_ADMIN_SCOPE);

  /** Reads the settings through a lookup of (name, fallback) to value. */
  static AuthConfig read(BiFunction<String, String, String> text) {
    return new AuthConfig(
        text.apply(ADMIN_USERNAME, null),
        text.apply(ADMIN_PASSWORD, null),
        text.apply(SESSION_KEY, null),
        text.apply(SESSION_MINUTES, "60"),
        text.apply(AUTHORITY_TEMPLATE, null),
        text.apply(OIDC_ISSUER, null),
        text.apply(OIDC_AUDIENCE, null),
        text.apply(OIDC_SCOPE_PREFIX, ""),
        text.apply(OIDC_ADMIN_SCOPE, "admin"));
  }

  /** Returns the settings for printing, with the password and the session key masked. */
  Map<String, Object> shown(String mask) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put(ADMIN_USERNAME, adminUsername);
    shown.put(ADMIN_PASSWORD, adminPassword == null ? null : mask);
    shown.put(SESSION_KEY, sessionKey == null ? null : mask);
    shown.put(SESSION_MINUTES, sessionMinutes);
    shown.put(AUTHORITY_TEMPLATE, authorityTemplate);
    shown.put(OIDC_ISSUER, oidcIssuer);
    shown.put(OIDC_AUDIENCE, oidcAudience);
    shown.put(OIDC_SCOPE_PREFIX, oidcScopePrefix);
    shown.put(OIDC_ADMIN_SCOPE, oidcAdminScope);
    return shown;
  }
}
