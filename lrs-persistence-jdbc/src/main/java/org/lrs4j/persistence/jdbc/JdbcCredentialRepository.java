package org.lrs4j.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.ConflictException;
import org.lrs4j.core.port.CredentialRepository;

/**
 * API key repository over JDBI, in the {@code api_key} table. Times are kept to the millisecond.
 * Thread safe.
 */
final class JdbcCredentialRepository implements CredentialRepository {

  private static final String COLUMNS =
      "key_id, secret_hash, label, scopes, created_at, expires_at, revoked, owner";

  private final Jdbi writer;
  private final Jdbi reader;

  JdbcCredentialRepository(Jdbi writer, Jdbi reader) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public void create(Credential credential) {
    int inserted =
        writer.withHandle(
            handle ->
                bindColumns(
                        handle.createUpdate(
                            "INSERT INTO api_key ("
                                + COLUMNS
                                + ") VALUES (:key, :secretHash, :label, :scopes, :createdAt,"
                                + " :expiresAt, :revoked, :owner) ON CONFLICT (key_id) DO NOTHING"),
                        credential)
                    .execute());
    if (inserted == 0) {
      throw new ConflictException(
          "key: an API key with this id already exists (value: " + credential.key() + ")");
    }
  }

  @Override
  public boolean update(Credential credential) {
    int updated =
        writer.withHandle(
            handle ->
                bindColumns(
                        handle.createUpdate(
                            "UPDATE api_key SET secret_hash = :secretHash, label = :label,"
                                + " scopes = :scopes, created_at = :createdAt,"
                                + " expires_at = :expiresAt, revoked = :revoked, owner = :owner"
                                + " WHERE key_id = :key"),
                        credential)
                    .execute());
    return updated > 0;
  }

  @Override
  public Optional<Credential> findByKey(String key) {
    return reader.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM api_key WHERE key_id = :key")
                .bind("key", key)
                .map(JdbcCredentialRepository::toCredential)
                .findOne());
  }

  @Override
  public List<Credential> findAll() {
    return reader.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, key_id")
                .map(JdbcCredentialRepository::toCredential)
                .list());
  }

  private static Update bindColumns(Update update, Credential credential) {
    return update
        .bind("key", credential.key())
        .bind("secretHash", credential.secretHash())
        .bind("label", credential.label())
        .bind("scopes", scopesText(credential.scopes()))
        .bind("createdAt", credential.createdAt().toEpochMilli())
        .bind(
            "expiresAt",
            credential.expiresAt() == null ? null : credential.expiresAt().toEpochMilli())
        .bind("revoked", credential.revoked() ? 1 : 0)
        .bind("owner", credential.owner());
  }

  private static String scopesText(Set<Scope> scopes) {
    return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
  }

  private static Credential toCredential(ResultSet rs, StatementContext context)
      throws SQLException {
    long expiresAt = rs.getLong("expires_at");
    Instant expires = rs.wasNull() ? null : Instant.ofEpochMilli(expiresAt);
    return new Credential(
        rs.getString("key_id"),
        rs.getString("secret_hash"),
        rs.getString("label"),
        parseScopes(rs.getString("scopes")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        expires,
        rs.getInt("revoked") != 0,
        rs.getString("owner"));
  }

  private static Set<Scope> parseScopes(String text) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(text.split(" "))
        .filter(value -> !value.isEmpty())
        .forEach(
            value ->
                scopes.add(
                    Scope.parse(value)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "api_key.scopes: unknown scope stored (value: "
                                        + value
                                        + ")"))));
    return scopes;
  }
}
