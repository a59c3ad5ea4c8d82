package org.lrs4j.persistence.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A uniquely named, migrated PostgreSQL database for one test class, created on the server named by
 * the environment variable {@code LRS_TEST_POSTGRES_URL} (with {@code LRS_TEST_POSTGRES_USER} and
 * {@code LRS_TEST_POSTGRES_PASSWORD}) and dropped by {@link #close()}. When the variable is not
 * set, {@link #create()} aborts the calling test through a JUnit assumption, so the test is
 * reported as skipped. {@code .ci/run} starts a server and sets the variables.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  /** The environment variable with the JDBC URL of a database the test user may connect to. */
  public static final String URL_VARIABLE = "LRS_TEST_POSTGRES_URL";

  private static final Pattern DATABASE_IN_URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\\\?.*)?$");

  private final DatabaseSettings admin;
  private final String name;
  private final DatabaseSettings settings;

  private PostgresTestDatabase(DatabaseSettings admin, String name) {
    this.admin = admin;
    this.name = name;
    this.settings =
        new DatabaseSettings(withDatabase(admin.url(), name), admin.user(), admin.password(), true);
  }

  /** Creates and migrates a new database, or skips the test when no server is configured. */
  public static PostgresTestDatabase create() {
    String url = System.getenv(URL_VARIABLE);
    assumeTrue(
        url != null && !url.isBlank(),
        URL_VARIABLE
            + " is not set, so the PostgreSQL tests are skipped; .ci/run starts a server and sets"
            + " it");
    DatabaseSettings admin =
        new DatabaseSettings(
            url,
            System.getenv("LRS_TEST_POSTGRES_USER"),
            System.getenv("LRS_TEST_POSTGRES_PASSWORD"),
            false);
    String name = "lrs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(admin, "CREATE DATABASE " + name);

    PostgresTestDatabase database = new PostgresTestDatabase(admin, name);
    JdbcStore.migrate(database.settings());
    return database;
  }

  /** Returns the settings of the new database, with migration on start. */
  public DatabaseSettings settings() {
    return settings;
  }

  /** Removes every row from every table but Flyway's, and restarts the sequences. */
  public void truncate() {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rows =
          statement.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                  + " AND tablename <> 'flyway_schema_history'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("truncating test database " + name + " failed", e);
    }
  }

  /** Drops the database, closing any connection still open to it. */
  @Override
  public void close() {
    execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  static String withDatabase(String url, String database) {
    Matcher matcher = DATABASE_IN_URL.matcher(url);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          URL_VARIABLE + ": expected jdbc:postgresql://host:port/database (value: " + url + ")");
    }
    String parameters = matcher.group(3) == null ? "" : matcher.group(3);
    return matcher.group(1) + "/" + database.toLowerCase(Locale.ROOT) + parameters;
  }

  private static void execute(DatabaseSettings settings, String sql) {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database statement failed: " + sql, e);
    }
  }

  private static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }
}
