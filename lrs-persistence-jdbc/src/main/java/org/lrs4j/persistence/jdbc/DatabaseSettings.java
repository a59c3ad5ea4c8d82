package org.lrs4j.persistence.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Connection settings of the database that holds the LRS data.
 *
 * @param url the JDBC URL, such as {@code jdbc:sqlite:lrs.db} or {@code
 *     jdbc:postgresql://db.example.com:5432/lrs}; a PostgreSQL URL may also carry {@code user} and
 *     {@code password} parameters
 * @param user the database user, or null to take it from the URL or the driver's default
 * @param password the database password, or null; {@link #toString()} masks it
 * @param migrateOnStart true to apply pending schema migrations when the store opens
 */
public record DatabaseSettings(String url, String user, String password, boolean migrateOnStart) {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&;]password=)[^&;]*", Pattern.CASE_INSENSITIVE);

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

  /** Returns the URL with the value of a {@code password} parameter masked, for logs. */
  public String maskedUrl() {
    return maskPassword(url);
  }

  /** Returns a JDBC URL with the value of any {@code password} parameter replaced by stars. */
  public static String maskPassword(String url) {
    return url == null ? null : PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + maskedUrl()
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "****")
        + ", migrateOnStart="
        + migrateOnStart
        + "]";
  }
}
