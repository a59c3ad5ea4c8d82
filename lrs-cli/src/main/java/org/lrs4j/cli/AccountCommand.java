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
        description =
            "Password. When the option is left out, it is read from the terminal without echo;"
                + " when it has no value, it is read from the terminal or standard input.")
    char[] password;

    @Override
    public Integer call() {
      char[] chosen = password == null ? prompt() : password;
      if (chosen.length == 0) {
        throw new IllegalArgumentException("--password: empty; type a password or give a value");
      }

      LrsConfig config = account.parent.config(Map.of());
      try (JdbcStore store = Stores.openQuietly(config)) {
        new AuthWiring(config, store)
            .accounts()
            .create(username, new String(chosen), AdminActor.cli());
      } catch (LrsException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      spec.commandLine().getOut().println("Created admin account " + username);
      return 0;
    }

    private char[] prompt() {
      return account
          .parent
          .passwordPrompt()
          .read("Password for " + username + ": ")
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "--password: missing, and there is no terminal to type it on;"
                          + " give --password VALUE"));
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
      try (JdbcStore store = Stores.openQuietly(config)) {
        for (AdminAccount found : store.adminAccounts().findAll()) {
          out.println(found.username() + "\t" + found.createdAt());
        }
      }
      return 0;
    }
  }
}
