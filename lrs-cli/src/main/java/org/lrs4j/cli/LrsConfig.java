package org.lrs4j.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.lrs4j.persistence.jdbc.DatabaseSettings;

/**
 * The configuration of the server and commands, with defaults.
 *
 * <p>Each setting has a property name, such as {@code database.user}, used in the properties file,
 * and an environment variable made from it: {@code LRS_} and the name in upper case with dots as
 * underscores, such as {@code LRS_DATABASE_USER}. Later sources win: defaults, then the file, then
 * the environment, then command-line options.
 *
 * @param host address to listen on ({@code host}, default {@code 0.0.0.0})
 * @param port port to listen on, 0 for any free port ({@code port}, default 8080)
 * @param database JDBC URL ({@code database}, default {@code jdbc:sqlite:lrs.db})
 * @param databaseUser database user, or null ({@code database.user})
 * @param databasePassword database password, or null ({@code database.password})
 * @param migrateOnStart apply migrations when the store opens ({@code migrate.on.start}, default
 *     true)
 * @param baseUrl public URL of the server ({@code base.url}, default {@code
 *     http://localhost:<port>})
 * @param authorityHomePage {@code account.homePage} of the authority of stored statements ({@code
 *     authority.homepage}, default the base URL)
 * @param maxPageSize maximum number of statements in one page of a query ({@code max.page.size},
 *     default 500)
 * @param maxBodyBytes largest request body in bytes ({@code max.body.bytes}, default 10 MiB)
 * @param apiKey id of a key that {@code serve} creates with scope {@code all} when missing, or null
 *     ({@code api.key})
 * @param apiSecret secret of that key, or null ({@code api.secret})
 * @param corsOrigins origins whose browser pages may call the LRS, such as {@code
 *     https://app.example.com}, or {@code *} for any ({@code cors.origins}, comma-separated,
 *     default none)
 * @param auth admin, authority template and OpenID Connect settings
 */
public record LrsConfig(
    String host,
    int port,
    String database,
    String databaseUser,
    String databasePassword,
    boolean migrateOnStart,
    String baseUrl,
    String authorityHomePage,
    int maxPageSize,
    long maxBodyBytes,
    String apiKey,
    String apiSecret,
    List<String> corsOrigins,
    AuthConfig auth) {

  /** Environment variable that names the properties file when no {@code --config} is given. */
  public static final String CONFIG_VARIABLE = "LRS_CONFIG";

  private static final String MASK = "****";

  public LrsConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(authorityHomePage, "authorityHomePage");
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(auth, "auth");
  }

  /**
   * Reads the configuration from its sources.
   *
   * @param file the properties file, or null for none
   * @param environment the environment variables
   * @param options settings from command-line options, by property name; they win over the rest
   * @throws IllegalArgumentException naming the setting and its source when a value is invalid
   */
  public static LrsConfig load(
      Path file, Map<String, String> environment, Map<String, String> options) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    if (file != null) {
      readFile(file)
          .forEach((name, value) -> settings.put(name, new Setting(value, "file " + file)));
    }
    for (String name : Names.ALL) {
      String value = environment.get(variable(name));
      if (value != null) {
        settings.put(name, new Setting(value, "environment variable " + variable(name)));
      }
    }
    options.forEach((name, value) -> settings.put(name, new Setting(value, "option")));
    return new Values(settings).config();
  }

  /**
   * Returns the environment variable of a property name: {@code max.page.size} to {@code
   * LRS_MAX_PAGE_SIZE}.
   */
  public static String variable(String name) {
    return "LRS_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /**
   * Returns the settings as {@code name=value} lines, with passwords (also one inside the database
   * URL) and secrets masked.
   */
  public String describe() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put(Names.HOST, host);
    shown.put(Names.PORT, port);
    shown.put(Names.DATABASE, DatabaseSettings.maskPassword(database));
    shown.put(Names.DATABASE_USER, databaseUser);
    shown.put(Names.DATABASE_PASSWORD, databasePassword == null ? null : MASK);
    shown.put(Names.MIGRATE_ON_START, migrateOnStart);
    shown.put(Names.BASE_URL, baseUrl);
    shown.put(Names.AUTHORITY_HOMEPAGE, authorityHomePage);
    shown.put(Names.MAX_PAGE_SIZE, maxPageSize);
    shown.put(Names.MAX_BODY_BYTES, maxBodyBytes);
    shown.put(Names.API_KEY, apiKey);
    shown.put(Names.API_SECRET, apiSecret == null ? null : MASK);
    shown.put(Names.CORS_ORIGINS, String.join(",", corsOrigins));
    shown.putAll(auth.shown(MASK));
    StringBuilder text = new StringBuilder();
    shown.forEach(
        (name, value) ->
            text.append(name).append('=').append(value == null ? "" : value).append('\n'));
    return text.toString();
  }

  @Override
  public String toString() {
    return "LrsConfig[" + describe().strip().replace('\n', ',') + "]";
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("reading configuration file " + file + " failed", e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!Names.ALL.contains(name)) {
        throw new IllegalArgumentException(
            name
                + " in file "
                + file
                + ": unknown setting; known are "
                + String.join(", ", Names.ALL));
      }
      values.put(name, properties.getProperty(name).strip());
    }
    return values;
  }

  /** Property names of the settings. */
  static final class Names {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String DATABASE = "database";
    static final String DATABASE_USER = "database.user";
    static final String DATABASE_PASSWORD = "database.password";
    static final String MIGRATE_ON_START = "migrate.on.start";
    static final String BASE_URL = "base.url";
    static final String AUTHORITY_HOMEPAGE = "authority.homepage";
    static final String MAX_PAGE_SIZE = "max.page.size";
    static final String MAX_BODY_BYTES = "max.body.bytes";
    static final String API_KEY = "api.key";
    static final String API_SECRET = "api.secret";
    static final String CORS_ORIGINS = "cors.origins";
    static final java.util.List<String> ALL =
        java.util.List.of(
            HOST,
            PORT,
            DATABASE,
            DATABASE_USER,
            DATABASE_PASSWORD,
            MIGRATE_ON_START,
            BASE_URL,
            AUTHORITY_HOMEPAGE,
            MAX_PAGE_SIZE,
            MAX_BODY_BYTES,
            API_KEY,
            API_SECRET,
            CORS_ORIGINS,
            AuthConfig.ADMIN_USERNAME,
            AuthConfig.ADMIN_PASSWORD,
            AuthConfig.SESSION_KEY,
            AuthConfig.SESSION_MINUTES,
            AuthConfig.AUTHORITY_TEMPLATE,
            AuthConfig.OIDC_ISSUER,
            AuthConfig.OIDC_AUDIENCE,
            AuthConfig.OIDC_SCOPE_PREFIX,
            AuthConfig.OIDC_ADMIN_SCOPE);

    private Names() {}
  }

  private record Setting(String value, String source) {}

  /** Turns raw settings into typed values, naming the source of a value that is invalid. */
  private record Values(Map<String, Setting> settings) {

    LrsConfig config() {
      int port = integer(Names.PORT, 8080, 0, 65535);
      String baseUrl = text(Names.BASE_URL, "http://localhost:" + port);
      return new LrsConfig(
          text(Names.HOST, "0.0.0.0"),
          port,
          text(Names.DATABASE, "jdbc:sqlite:lrs.db"),
          text(Names.DATABASE_USER, null),
          text(Names.DATABASE_PASSWORD, null),
          bool(Names.MIGRATE_ON_START, true),
          baseUrl,
          text(Names.AUTHORITY_HOMEPAGE, baseUrl),
          integer(Names.MAX_PAGE_SIZE, 500, 1, Integer.MAX_VALUE),
          integer(Names.MAX_BODY_BYTES, 10 * 1024 * 1024, 1, Integer.MAX_VALUE),
          text(Names.API_KEY, null),
          text(Names.API_SECRET, null),
          list(Names.CORS_ORIGINS),
          AuthConfig.read(this::text));
    }

    private List<String> list(String name) {
      String value = text(name, "");
      return Arrays.stream(value.split(","))
          .map(String::strip)
          .filter(origin -> !origin.isEmpty())
          .toList();
    }

    private String text(String name, String fallback) {
      Setting setting = settings.get(name);
      return setting == null || setting.value().isEmpty() ? fallback : setting.value();
    }

    private int integer(String name, int fallback, int min, int max) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the value and its source.
      }
      throw invalid(name, "must be an integer from " + min + " to " + max);
    }

    private boolean bool(String name, boolean fallback) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw invalid(name, "must be true or false");
      };
    }

    private IllegalArgumentException invalid(String name, String rule) {
      Setting setting = settings.get(name);
      return new IllegalArgumentException(
          name + " from " + setting.source() + ": " + rule + " (value: " + setting.value() + ")");
    }
  }
}
