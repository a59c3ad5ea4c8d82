package org.lrs4j.cli;

import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;

/** Opens the database that a configuration names. */
final class Stores {

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
}
