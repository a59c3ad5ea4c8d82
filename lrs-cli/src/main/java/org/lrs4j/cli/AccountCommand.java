package org.lrs4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lrs4j.auth.admin.AdminActor;
import org.lrs4j.core.admin.AdminAccount;
import org.lrs4j.core.error.LrsException;
import org.lrs4j.persistence.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Manages admin accounts. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Manage admin accounts.",
    subcommands = {AccountCommand.Create.class, AccountCommand.List.class})
final class AccountCommand implements Runnable {

  @ParentCommand LrsCommand parent;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Creates an admin account. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create an admin account. The password must have 12 to 256 characters, at least 5"
              + " different ones, and must not contain the user name.")
  static final class Create implements Callable<Integer> {

    @ParentCommand AccountCommand account;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USERNAME", description = "Login name of the account.")
    String username;

    @Option(
        names = "--password",
        interactive = true,
        arity = "0..1",
        description = "Password; without a value, it is read from the terminal without echo.")
    char[] password;

    @Override
    public Integer call() {
      if (password == null || password.length == 0) {
        throw new IllegalArgumentException("--password: missing; give a value or type it");
      }
      LrsConfig config = account.parent.config(Map.of());
      try (JdbcStore store = Stores.open(config)) {
        new AuthWiring(config, store)
            .accounts()
            .create(username, new String(password), AdminActor.cli());
      } catch (LrsException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      spec.commandLine().getOut().println("Created admin account " + username);
      return 0;
    }
  }

  /** Lists admin accounts. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List admin accounts.")
  static final class List implements Callable<Integer> {

    @ParentCommand AccountCommand account;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LrsConfig config = account.parent.config(Map.of());
      PrintWriter out = spec.commandLine().getOut();
      try (JdbcStore store = Stores.open(config)) {
        for (AdminAccount found : store.adminAccounts().findAll()) {
          out.println(found.username() + "\t" + found.createdAt());
        }
      }
      return 0;
    }
  }
}
