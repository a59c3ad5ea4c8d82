package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Connection settings of the database that holds the LRS data.
 *
 * @param url the JDBC URL, such as {@code jdbc:sqlite:lrs.db}
 * @param user the database user, or null when the database needs none
 * @param password the database password, or null; {@link #toString()} masks it
 * @param migrateOnStart true to apply pending schema migrations when the store opens
 */
public record DatabaseSettings(String url, String user, String password, boolean migrateOnStart) {

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "url: must be a JDBC URL starting with jdbc: (value: " + url + ")");
    }
  }

  /** Returns settings for the SQLite file at the given path, migrated on start. */
  public static DatabaseSettings sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    return new DatabaseSettings("jdbc:sqlite:" + file, null, null, true);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "****")
        + ", migrateOnStart="
        + migrateOnStart
        + "]";
  }
}
