package org.lrs4j.http;

import java.util.Objects;
import java.util.Optional;
import org.lrs4j.auth.BearerAuthenticator;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.core.port.AuditLog;

/**
 * The services behind the admin REST API under {@code /admin/api}.
 *
 * @param accounts admin accounts and their sessions
 * @param keys API key administration
 * @param audit the audit log to read
 * @param oidc the bearer token check of the identity provider, when one is configured; its tokens
 *     with the admin scope are accepted in place of a session token
 */
public record AdminApi(
    AdminAccounts accounts, AdminKeys keys, AuditLog audit, Optional<BearerAuthenticator> oidc) {

  public AdminApi {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(oidc, "oidc");
  }
}
