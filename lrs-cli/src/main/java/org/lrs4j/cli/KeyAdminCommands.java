package org.lrs4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lrs4j.auth.NewApiKey;
import org.lrs4j.auth.admin.AdminActor;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.LrsException;
import org.lrs4j.persistence.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The {@code lrs key} subcommands that change existing keys; each is written to the audit log. */
final class KeyAdminCommands {

  private KeyAdminCommands() {}

  /** Runs an action on the key service of the configured database. */
  private static int withKeys(KeyCommand parent, KeyAction action) {
    LrsConfig config = parent.parent.config(Map.of());
    try (JdbcStore store = Stores.openQuietly(config)) {
      action.run(new AuthWiring(config, store).adminKeys());
    } catch (LrsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return 0;
  }

  private static String describe(Credential key) {
    String scopes =
        key.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(","));
    return key.key()
        + "\t"
        + scopes
        + "\t"
        + (key.revoked() ? "revoked" : "active")
        + "\t"
        + (key.expiresAt() == null ? "-" : key.expiresAt())
        + "\t"
        + key.label();
  }

  @FunctionalInterface
  private interface KeyAction {
    void run(AdminKeys keys);
  }

  /** Lists keys without their secrets. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List API keys: id, scopes, state, expiry, label.")
  static final class List implements Callable<Integer> {
    @ParentCommand KeyCommand key;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withKeys(key, keys -> keys.list().forEach(found -> out.println(describe(found))));
    }
  }

  /** Replaces the scopes of a key. */
  @Command(name = "scopes", mixinStandardHelpOptions = true, description = "Set a key's scopes.")
  static final class Scopes implements Callable<Integer> {
    @ParentCommand KeyCommand key;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Id of the key.")
    String id;

    @Option(
        names = "--scopes",
        split = ",",
        required = true,
        paramLabel = "SCOPE",
        description = "The new xAPI scopes, comma-separated.")
    java.util.List<String> scopes;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withKeys(
          key,
          keys ->
              out.println(
                  describe(
                      keys.changeScopes(
                          id, KeyCommand.Create.parseScopes(scopes), AdminActor.cli()))));
    }
  }

  /** Gives a key a new secret and prints it once. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Give a key a new secret and print it; the old secret stops working.")
  static final class Rotate implements Callable<Integer> {
    @ParentCommand KeyCommand key;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Id of the key.")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withKeys(
          key,
          keys -> {
            NewApiKey rotated = keys.rotate(id, AdminActor.cli());
            out.println("key:    " + rotated.key());
            out.println("secret: " + rotated.secret());
            out.println(
                "Store the secret now: it is kept only as a hash and cannot be shown again.");
          });
    }
  }

  /** Revokes a key. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand KeyCommand key;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Id of the key.")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withKeys(key, keys -> out.println(describe(keys.revoke(id, AdminActor.cli()))));
    }
  }
}
