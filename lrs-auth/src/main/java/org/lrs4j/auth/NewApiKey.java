package org.lrs4j.auth;

import java.util.Objects;
import org.lrs4j.core.credential.Credential;

/**
 * A key just created, with its secret. The secret exists only here: the repository keeps its hash.
 *
 * @param credential the stored key
 * @param secret the secret in plain text, to show once to the person who asked for the key
 */
public record NewApiKey(Credential credential, String secret) {

  public NewApiKey {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(secret, "secret");
  }

  /** Returns the key id, the user name of HTTP Basic. */
  public String key() {
    return credential.key();
  }

  @Override
  public String toString() {
    return "NewApiKey[key=" + credential.key() + ", secret=****]";
  }
}
