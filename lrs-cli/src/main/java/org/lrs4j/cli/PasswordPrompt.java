package org.lrs4j.cli;

import java.io.Console;
import java.util.Optional;

/** Source of a password typed on the terminal, so that tests can stand in for one. */
@FunctionalInterface
interface PasswordPrompt {

  /**
   * Reads a password without echo after showing the prompt.
   *
   * @return the typed characters, or empty when the process has no terminal
   */
  Optional<char[]> read(String prompt);

  /** Returns the prompt of {@link System#console()}, which has no terminal when that is null. */
  static PasswordPrompt system() {
    return prompt -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(console.readPassword("%s", prompt));
    };
  }
}
