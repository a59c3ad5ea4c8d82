package org.lrs4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.NewApiKey;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.persistence.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Manages API keys. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Manage API keys.",
    subcommands = {
      KeyCommand.Create.class,
      KeyAdminCommands.List.class,
      KeyAdminCommands.Scopes.class,
      KeyAdminCommands.Rotate.class,
      KeyAdminCommands.Revoke.class
    })
final class KeyCommand implements Runnable {

  @ParentCommand LrsCommand parent;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Creates a key and prints its id and secret once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API key and print its id and secret; the secret is shown only once.")
  static final class Create implements Callable<Integer> {

    @ParentCommand KeyCommand key;
    @Spec CommandSpec spec;

    @Option(
        names = "--scopes",
        split = ",",
        paramLabel = "SCOPE",
        description =
            "xAPI scopes, comma-separated: statements/write, statements/read, all/read, all, ..."
                + " (default: statements/write,statements/read).")
    List<String> scopes = List.of("statements/write", "statements/read");

    @Option(names = "--label", description = "Name for people, such as the content provider.")
    String label = "created with lrs key create";

    @Option(names = "--json", description = "Print {\"key\":...,\"secret\":...,\"scopes\":[...]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Set<Scope> parsed = parseScopes(scopes);
      LrsConfig config = key.parent.config(Map.of());
      NewApiKey created;
      try (JdbcStore store = Stores.openQuietly(config)) {
        created = ApiKeys.over(store.credentials()).create(label, parsed, null);
      }
      print(created, spec.commandLine().getOut());
      return 0;
    }

    private void print(NewApiKey created, PrintWriter out) throws Exception {
      List<String> names =
          created.credential().scopes().stream().map(Scope::value).sorted().toList();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("key", created.key());
        node.put("secret", created.secret());
        ArrayNode array = node.putArray("scopes");
        names.forEach(array::add);
        out.println(mapper.writeValueAsString(node));
        return;
      }
      out.println("key:    " + created.key());
      out.println("secret: " + created.secret());
      out.println("scopes: " + String.join(",", names));
      out.println("Store the secret now: it is kept only as a hash and cannot be shown again.");
    }

    static Set<Scope> parseScopes(List<String> values) {
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (String value : values) {
        scopes.add(
            Scope.parse(value.strip())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--scopes: unknown scope "
                                + value
                                + "; known are "
                                + EnumSet.allOf(Scope.class).stream()
                                    .map(Scope::value)
                                    .collect(Collectors.joining(", ")))));
      }
      return scopes;
    }
  }
}
