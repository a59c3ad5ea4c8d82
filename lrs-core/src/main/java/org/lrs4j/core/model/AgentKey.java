package org.lrs4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Inverse functional identifier of an Agent or identified Group: the one property that says who the
 * actor is. Two actors are the same when their keys are equal, whatever their names.
 *
 * @param type one of {@code mbox}, {@code mbox_sha1sum}, {@code openid} or {@code account}
 * @param value the identifier; for {@code account} the home page and name joined by a space
 */
public record AgentKey(String type, String value) {

  public AgentKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the identifier of an Agent or Group object. Returns empty when the object has no
   * identifier (an anonymous Group) or more than one.
   */
  public static Optional<AgentKey> of(JsonNode actor) {
    if (actor == null || !actor.isObject()) {
      return Optional.empty();
    }
    AgentKey found = null;
    int count = 0;
    for (String type : new String[] {"mbox", "mbox_sha1sum", "openid"}) {
      JsonNode value = actor.get(type);
      if (value != null && value.isTextual()) {
        count++;
        found = new AgentKey(type, normalize(type, value.textValue()));
      }
    }
    JsonNode account = actor.get("account");
    if (account != null && account.isObject()) {
      JsonNode homePage = account.get("homePage");
      JsonNode name = account.get("name");
      if (homePage != null && homePage.isTextual() && name != null && name.isTextual()) {
        count++;
        found = new AgentKey("account", homePage.textValue() + " " + name.textValue());
      }
    }
    return count == 1 ? Optional.of(found) : Optional.empty();
  }

  /** Returns the key as one string, {@code type|value}, suitable for an index column. */
  public String asString() {
    return type + "|" + value;
  }

  private static String normalize(String type, String value) {
    // A SHA-1 hex digest means the same in either case.
    return type.equals("mbox_sha1sum") ? value.toLowerCase(Locale.ROOT) : value;
  }
}
