package org.lrs4j.auth.authority;

import java.util.Map;
import java.util.Objects;

/**
 * The values that an authority template's placeholders take for one credential.
 *
 * @param key the API key id, or {@code oidc:<client>} for an identity provider's token
 * @param label the key's label; empty for tokens
 * @param owner the user name of the admin account that made the key; empty when none
 * @param claims the token's claims as text (arrays joined with spaces); empty for API keys
 */
public record AuthorityValues(String key, String label, String owner, Map<String, String> claims) {

  public AuthorityValues {
    Objects.requireNonNull(key, "key");
    label = label == null ? "" : label;
    owner = owner == null ? "" : owner;
    claims = Map.copyOf(claims);
  }

  /** Returns the values of an API key. */
  public static AuthorityValues ofKey(String key, String label, String owner) {
    return new AuthorityValues(key, label, owner, Map.of());
  }
}
