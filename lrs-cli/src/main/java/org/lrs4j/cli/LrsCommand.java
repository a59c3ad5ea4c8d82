package org.lrs4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code lrs} command: runs the server and administers its database. */
@Command(
    name = "lrs",
    mixinStandardHelpOptions = true,
    versionProvider = LrsCommand.Version.class,
    description = "LRS4J, an xAPI Learning Record Store.",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      KeyCommand.class,
      AccountCommand.class
    })
public final class LrsCommand implements Runnable {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Properties file with settings (default: the file named by LRS_CONFIG).")
  Path config;

  @Option(
      names = "--database",
      paramLabel = "URL",
      scope = CommandLine.ScopeType.INHERIT,
      description = "JDBC URL of the database (default: jdbc:sqlite:lrs.db; env LRS_DATABASE).")
  String database;

  private final Map<String, String> environment;
  private final PasswordPrompt passwordPrompt;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the command over the process environment. */
  public LrsCommand() {
    this(System.getenv());
  }

  /** Creates the command over the given environment variables. */
  public LrsCommand(Map<String, String> environment) {
    this(environment, PasswordPrompt.system());
  }

  /** Creates the command over the given environment variables and password source. */
  LrsCommand(Map<String, String> environment, PasswordPrompt passwordPrompt) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.passwordPrompt = Objects.requireNonNull(passwordPrompt, "passwordPrompt");
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine(new LrsCommand()).execute(args));
  }

  /**
   * Returns a command line that reports invalid settings as one line and exit status 2, and any
   * other failure as its chain of messages and exit status 1. The stack trace goes to the log at
   * DEBUG only, because driver messages can quote bound values.
   */
  public static CommandLine commandLine(LrsCommand command) {
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof IllegalArgumentException) {
            commandLine.getErr().println("lrs: " + e.getMessage());
            return 2;
          }
          commandLine.getErr().println("lrs: " + messages(e));
          LoggerFactory.getLogger(LrsCommand.class).debug("Command failed", e);
          return 1;
        });
    return line;
  }

  /** Joins the messages of an exception and its causes, skipping repeats. */
  static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    String previous = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      if (previous == null || !previous.contains(message)) {
        text.append(text.length() == 0 ? "" : ": caused by ").append(message);
      }
      previous = message;
    }
    return text.toString();
  }

  /** Reads the version from the jar's manifest, which the build writes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = LrsCommand.class.getPackage().getImplementationVersion();
      return new String[] {"LRS4J " + (version == null ? "(development build)" : version)};
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Returns the source of passwords typed on the terminal. */
  PasswordPrompt passwordPrompt() {
    return passwordPrompt;
  }

  /** Reads the configuration, with the given options on top of the shared ones. */
  LrsConfig config(Map<String, String> options) {
    Map<String, String> all = new LinkedHashMap<>();
    if (database != null) {
      all.put(LrsConfig.Names.DATABASE, database);
    }
    all.putAll(options);
    Path file = config;
    if (file == null && environment.get(LrsConfig.CONFIG_VARIABLE) != null) {
      file = Path.of(environment.get(LrsConfig.CONFIG_VARIABLE));
    }
    return LrsConfig.load(file, environment, all);
  }
}
