package org.lrs4j.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.lrs4j.core.port.ActivityRepository;
import org.lrs4j.core.port.AdminAccountRepository;
import org.lrs4j.core.port.AdminSessionRepository;
import org.lrs4j.core.port.AgentRepository;
import org.lrs4j.core.port.AuditLog;
import org.lrs4j.core.port.CredentialRepository;
import org.lrs4j.core.port.DocumentRepository;
import org.lrs4j.core.port.StatementRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the JDBC persistence adapter: opens the database, applies the schema migrations
 * and hands out the repositories. Thread safe; close it once to release the connections.
 */
public final class JdbcStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final StatementRepository statements;
  private final CredentialRepository credentials;
  private final DocumentRepository documents;
  private final ActivityRepository activities;
  private final AgentRepository agents;
  private final AdminAccountRepository adminAccounts;
  private final AuditLog auditLog;
  private final AdminSessionRepository adminSessions;

  private JdbcStore(Dialect dialect, HikariDataSource writerPool, HikariDataSource readerPool) {
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    Jdbi writer = jdbi(writerPool);
    Jdbi reader = jdbi(readerPool);
    this.statements = new JdbcStatementRepository(dialect, writer, reader);
    this.credentials = new JdbcCredentialRepository(writer, reader);
    this.documents = new JdbcDocumentRepository(dialect, writer, reader);
    this.activities = new JdbcActivityRepository(reader);
    this.agents = new JdbcAgentRepository(reader);
    this.adminAccounts = new JdbcAdminAccountRepository(writer, reader);
    this.auditLog = new JdbcAuditLog(writer, reader);
    this.adminSessions = new JdbcAdminSessionRepository(writer, reader);
  }

  /**
   * Connects to the database and, when the settings ask for it, applies pending migrations first.
   *
   * @throws IllegalArgumentException when the URL names an unsupported database
   */
  public static JdbcStore open(DatabaseSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Dialect dialect = Dialect.forUrl(settings.url());
    if (settings.migrateOnStart()) {
      migrate(settings);
    }

    HikariDataSource writerPool = new HikariDataSource(dialect.writerPool(settings));
    try {
      HikariDataSource readerPool = new HikariDataSource(dialect.readerPool(settings));
      log.info("Opened database {}", settings.maskedUrl());
      return new JdbcStore(dialect, writerPool, readerPool);
    } catch (RuntimeException e) {
      writerPool.close();
      throw e;
    }
  }

  /** Applies every pending schema migration to the database and returns. */
  public static void migrate(DatabaseSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Dialect dialect = Dialect.forUrl(settings.url());
    HikariDataSource pool = new HikariDataSource(dialect.writerPool(settings));
    try (pool) {
      var result =
          Flyway.configure()
              .dataSource(pool)
              .locations(dialect.migrationLocation())
              .load()
              .migrate();
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      log.info(
          "Database {} is at schema version {} ({} migrations applied)",
          settings.maskedUrl(),
          version,
          result.migrationsExecuted);
    }
  }

  /** Returns the statement repository. */
  public StatementRepository statements() {
    return statements;
  }

  /** Returns the API key repository. */
  public CredentialRepository credentials() {
    return credentials;
  }

  /** Returns the State, Activity Profile and Agent Profile document repository. */
  public DocumentRepository documents() {
    return documents;
  }

  /** Returns the activity definitions merged from stored statements. */
  public ActivityRepository activities() {
    return activities;
  }

  /** Returns the agent names collected from stored statements. */
  public AgentRepository agents() {
    return agents;
  }

  /** Returns the admin account repository. */
  public AdminAccountRepository adminAccounts() {
    return adminAccounts;
  }

  /** Returns the audit log of administrative actions. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** Returns the shared state of admin sessions: revocations, failed logins, server secrets. */
  public AdminSessionRepository adminSessions() {
    return adminSessions;
  }

  /** Closes every database connection. */
  @Override
  public void close() {
    try (writerPool) {
      readerPool.close();
    }
  }

  /**
   * Creates a JDBI instance whose exception messages name the failed SQL but not its bound values,
   * because those carry statement data and key ids that must not reach the log.
   */
  private static Jdbi jdbi(HikariDataSource pool) {
    Jdbi jdbi = Jdbi.create(pool);
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
    return jdbi;
  }
}
