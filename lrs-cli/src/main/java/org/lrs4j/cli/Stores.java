package org.lrs4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;
import org.slf4j.LoggerFactory;

/** Opens the database that a configuration names. */
final class Stores {

  private static final String PERSISTENCE_LOGGER = "org.lrs4j.persistence";

  private Stores() {}

  static DatabaseSettings settings(LrsConfig config) {
    return new DatabaseSettings(
        config.database(),
        config.databaseUser(),
        config.databasePassword(),
        config.migrateOnStart());
  }

  static JdbcStore open(LrsConfig config) {
    return JdbcStore.open(settings(config));
  }

  /**
   * Opens the database for a one-shot command such as {@code lrs key rotate}. The store's INFO
   * lines (schema version, database opened) are turned off for the rest of the process, so that the
   * command's own output or its one-line error is all the terminal shows. Warnings still appear.
   */
  static JdbcStore openQuietly(LrsConfig config) {
    if (LoggerFactory.getLogger(PERSISTENCE_LOGGER) instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
    return open(config);
  }
}
