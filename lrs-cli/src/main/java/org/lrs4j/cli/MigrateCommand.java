package org.lrs4j.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lrs4j.persistence.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Applies the database migrations that have not run yet. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply database migrations.")
final class MigrateCommand implements Callable<Integer> {

  @ParentCommand LrsCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LrsConfig config = parent.config(Map.of());
    JdbcStore.migrate(Stores.settings(config));
    spec.commandLine().getOut().println("Database " + config.database() + " is migrated.");
    return 0;
  }
}
