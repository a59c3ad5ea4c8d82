package org.lrs4j.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.StoredForms;

/** A database the benchmark runs on, emptied before each run. */
interface DatabaseTarget {

  /** Returns the name shown in the results, such as {@code SQLite}. */
  String name();

  /** Returns settings for an empty database, migrated on open. */
  DatabaseSettings fresh(String runName) throws SQLException, IOException;

  /** Opens a plain JDBC connection to the database of the last {@link #fresh} call. */
  Connection connect() throws SQLException;

  /** Returns the value the LRS binds to an id column for the UUID. */
  Object uuid(UUID id);

  /** Returns the value the LRS binds to the {@code json} column for the statement text. */
  Object json(String text);

  /** Returns the bytes each table and index takes, by name, after flushing pending writes. */
  Map<String, Long> bytesByObject() throws SQLException;

  /** SQLite files in a temporary folder, a new file for each run. */
  final class Sqlite implements DatabaseTarget {
    private final Path folder;
    private Path current;

    Sqlite(Path folder) {
      this.folder = folder;
    }

    @Override
    public String name() {
      return "SQLite";
    }

    @Override
    public DatabaseSettings fresh(String runName) throws IOException {
      if (current != null) {
        deleteWithSidecars(current);
      }
      current = folder.resolve(runName + ".db");
      deleteWithSidecars(current);
      return DatabaseSettings.sqlite(current);
    }

    @Override
    public Connection connect() throws SQLException {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + current);
      try (Statement pragma = connection.createStatement()) {
        // The LRS's own connections use this setting in WAL mode.
        pragma.execute("PRAGMA synchronous = NORMAL");
      }
      return connection;
    }

    @Override
    public Object uuid(UUID id) {
      return id.toString();
    }

    @Override
    public Object json(String text) {
      return StoredForms.sqliteJson(text);
    }

    @Override
    public Map<String, Long> bytesByObject() throws SQLException {
      Map<String, Long> bytes = new LinkedHashMap<>();
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")) {
          while (rows.next()) {
            bytes.put(rows.getString(1), rows.getLong(2));
          }
        } catch (SQLException e) {
          bytes.put("(whole file; dbstat is not compiled in)", fileBytes());
        }
      }
      return bytes;
    }

    private long fileBytes() {
      try {
        return Files.size(current);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the size of " + current, e);
      }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    }
  }

  /** One PostgreSQL database whose public schema is dropped and made again before each run. */
  final class Postgres implements DatabaseTarget {
    private final String url;
    private final String user;
    private final String password;

    Postgres(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public String name() {
      return "PostgreSQL";
    }

    @Override
    public DatabaseSettings fresh(String runName) throws SQLException {
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
        statement.execute("CREATE SCHEMA public");
      }
      return new DatabaseSettings(url, user, password, true);
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public Object uuid(UUID id) {
      return id;
    }

    @Override
    public Object json(String text) {
      return text;
    }

    @Override
    public Map<String, Long> bytesByObject() throws SQLException {
      Map<String, Long> bytes = new LinkedHashMap<>();
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't')"
                    + " ORDER BY 2 DESC")) {
          while (rows.next()) {
            bytes.put(rows.getString(1), rows.getLong(2));
          }
        }
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT c.relname, pg_total_relation_size(c.oid) - pg_relation_size(c.oid)"
                    + " - pg_indexes_size(c.oid) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
          while (rows.next()) {
            bytes.merge(rows.getString(1) + " (TOAST)", rows.getLong(2), Long::sum);
          }
        }
      }
      return bytes;
    }
  }

  /** Returns the database targets the environment and options name, SQLite always first. */
  static Stream<DatabaseTarget> all(Path folder, String postgresUrl) {
    DatabaseTarget sqlite = new Sqlite(folder);
    if (postgresUrl == null || postgresUrl.isBlank()) {
      return Stream.of(sqlite);
    }
    return Stream.of(
        sqlite,
        new Postgres(
            postgresUrl,
            System.getenv("LRS_TEST_POSTGRES_USER"),
            System.getenv("LRS_TEST_POSTGRES_PASSWORD")));
  }
}
