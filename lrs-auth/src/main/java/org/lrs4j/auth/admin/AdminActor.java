package org.lrs4j.auth.admin;

import java.util.Objects;

/**
 * Who performs an administrative action, and from where, for the audit log.
 *
 * @param name an admin user name, {@code oidc:<subject>} for a token, or {@code cli}
 * @param address the client's IP address, or {@code local} for the CLI and the server itself
 */
public record AdminActor(String name, String address) {

  public AdminActor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }

  /** Returns the actor of commands run on the server's machine through the CLI. */
  public static AdminActor cli() {
    return new AdminActor("cli", "local");
  }

  /** Returns the actor of actions the server takes by itself, such as the first-start admin. */
  public static AdminActor server() {
    return new AdminActor("server", "local");
  }
}
