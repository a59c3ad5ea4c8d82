package org.lrs4j.persistence.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.lrs4j.core.port.AdminSessionRepository;

/**
 * Revoked session tokens, failed logins and server secrets over JDBI, in the {@code
 * revoked_session}, {@code failed_login} and {@code server_secret} tables. Thread safe.
 */
final class JdbcAdminSessionRepository implements AdminSessionRepository {

  private final Jdbi writer;
  private final Jdbi reader;

  JdbcAdminSessionRepository(Jdbi writer, Jdbi reader) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public void revoke(String tokenId, Instant expiresAt) {
    writer.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO revoked_session (token_id, expires_at) VALUES (:id, :expiresAt)"
                        + " ON CONFLICT (token_id) DO NOTHING")
                .bind("id", tokenId)
                .bind("expiresAt", expiresAt.toEpochMilli())
                .execute());
  }

  @Override
  public boolean isRevoked(String tokenId) {
    return reader.withHandle(
        handle ->
            handle
                    .createQuery("SELECT COUNT(*) FROM revoked_session WHERE token_id = :id")
                    .bind("id", tokenId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public void purgeRevokedBefore(Instant time) {
    writer.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM revoked_session WHERE expires_at < :time")
                .bind("time", time.toEpochMilli())
                .execute());
  }

  @Override
  public void recordFailedLogin(String subject, Instant at) {
    writer.useHandle(
        handle ->
            handle
                .createUpdate("INSERT INTO failed_login (subject, at) VALUES (:subject, :at)")
                .bind("subject", subject)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  @Override
  public int countFailedLogins(String subject, Instant since) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM failed_login WHERE subject = :subject AND at >= :since")
                .bind("subject", subject)
                .bind("since", since.toEpochMilli())
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public void purgeFailedLoginsBefore(Instant time) {
    writer.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM failed_login WHERE at < :time")
                .bind("time", time.toEpochMilli())
                .execute());
  }

  @Override
  public void clearFailedLogins(String subject) {
    writer.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM failed_login WHERE subject = :subject")
                .bind("subject", subject)
                .execute());
  }

  @Override
  public String secret(String name, Supplier<String> initial) {
    return writer.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO server_secret (name, value) VALUES (:name, :value)"
                      + " ON CONFLICT (name) DO NOTHING")
              .bind("name", name)
              .bind("value", initial.get())
              .execute();
          return handle
              .createQuery("SELECT value FROM server_secret WHERE name = :name")
              .bind("name", name)
              .mapTo(String.class)
              .one();
        });
  }
}
