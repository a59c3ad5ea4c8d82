package org.lrs4j.auth.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lrs4j.core.error.AuthenticationException;

/**
 * Builds the {@code authority} of stored statements from a credential. Thread safe and immutable.
 *
 * <p>A template is a JSON Agent or Group in which any string may contain placeholders:
 *
 * <ul>
 *   <li>{@code ${homePage}}: the configured authority home page;
 *   <li>{@code ${key}}: the API key id, or {@code oidc:<client>} for a token, where the client is
 *       the token's {@code client_id}, else its {@code azp}, else its {@code sub};
 *   <li>{@code ${label}}: the key's label (empty for tokens);
 *   <li>{@code ${owner}}: the admin account that made the key (empty when none);
 *   <li>{@code ${claim.NAME}}: the token claim NAME (for API keys, every claim is missing).
 * </ul>
 *
 * The default template is {@code {"objectType":"Agent","account":{"homePage":"${homePage}",
 * "name":"${key}"}}}. A template is checked when it is loaded: it must be a JSON object whose
 * {@code objectType} is {@code Agent} or {@code Group} (or absent), it must use no other
 * placeholder, and once filled with sample values it must have exactly one inverse functional
 * identifier ({@code mbox}, {@code mbox_sha1sum}, {@code openid} or {@code account}), because the
 * LRS compares authorities by it.
 */
public final class AuthorityTemplate {

  /** The template used when none is configured. */
  public static final String DEFAULT =
      "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"${homePage}\",\"name\":\"${key}\"}}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");
  private static final String CLAIM = "claim.";
  private static final List<String> IDENTIFIERS =
      List.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode template;
  private final String homePage;

  private AuthorityTemplate(ObjectNode template, String homePage) {
    this.template = template;
    this.homePage = homePage;
  }

  /** Returns the default template over a home page. */
  public static AuthorityTemplate standard(String homePage) {
    return parse(DEFAULT, homePage);
  }

  /**
   * Reads a template from a JSON file.
   *
   * @throws IllegalArgumentException when the file cannot be read or the template is invalid
   */
  public static AuthorityTemplate load(Path file, String homePage) {
    try {
      return parse(Files.readString(file), homePage);
    } catch (IOException e) {
      throw new IllegalArgumentException("authority template " + file + ": cannot be read", e);
    }
  }

  /**
   * Parses a template.
   *
   * @param homePage the absolute IRI that {@code ${homePage}} stands for
   * @throws IllegalArgumentException naming the rule when the template is invalid
   */
  public static AuthorityTemplate parse(String json, String homePage) {
    requireAbsolute(homePage);
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("authority template: not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("authority template: must be a JSON object");
    }

    AuthorityTemplate template = new AuthorityTemplate((ObjectNode) node, homePage);
    template.checkPlaceholders(node);
    template.checkShape(template.fill(sampleValues(), true));
    return template;
  }

  /**
   * Fills the template for a credential.
   *
   * @throws AuthenticationException when the template uses a claim that the token lacks
   */
  public ObjectNode render(AuthorityValues values) {
    return fill(values, false);
  }

  private ObjectNode fill(AuthorityValues values, boolean lenient) {
    ObjectNode copy = template.deepCopy();
    replaceStrings(copy, values, lenient);
    return copy;
  }

  private void replaceStrings(JsonNode node, AuthorityValues values, boolean lenient) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isTextual()) {
          field.setValue(new TextNode(substitute(field.getValue().asText(), values, lenient)));
        } else {
          replaceStrings(field.getValue(), values, lenient);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          array.set(i, new TextNode(substitute(element.asText(), values, lenient)));
        } else {
          replaceStrings(element, values, lenient);
        }
      }
    }
  }

  private String substitute(String text, AuthorityValues values, boolean lenient) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String value = value(matcher.group(1), values, lenient);
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private String value(String name, AuthorityValues values, boolean lenient) {
    switch (name) {
      case "homePage":
        return homePage;
      case "key":
        return values.key();
      case "label":
        return values.label();
      case "owner":
        return values.owner();
      default:
        String claim = name.substring(CLAIM.length());
        String found = values.claims().get(claim);
        if (found == null && !lenient) {
          throw new AuthenticationException(
              "the authority template uses the claim "
                  + claim
                  + ", which this credential does not have");
        }
        return found == null ? "sample" : found;
    }
  }

  private void checkPlaceholders(JsonNode node) {
    if (node.isTextual()) {
      Matcher matcher = PLACEHOLDER.matcher(node.asText());
      while (matcher.find()) {
        String name = matcher.group(1);
        boolean known =
            List.of("homePage", "key", "label", "owner").contains(name)
                || (name.startsWith(CLAIM) && name.length() > CLAIM.length());
        if (!known) {
          throw new IllegalArgumentException(
              "authority template: unknown placeholder ${"
                  + name
                  + "}; use homePage, key, label, owner or claim.NAME");
        }
      }
    }
    node.forEach(this::checkPlaceholders);
  }

  private void checkShape(ObjectNode sample) {
    String objectType = sample.path("objectType").asText("Agent");
    if (!objectType.equals("Agent") && !objectType.equals("Group")) {
      throw new IllegalArgumentException(
          "authority template: objectType is " + objectType + "; it must be Agent or Group");
    }
    long identifiers = IDENTIFIERS.stream().filter(sample::has).count();
    if (identifiers != 1) {
      throw new IllegalArgumentException(
          "authority template: has "
              + identifiers
              + " identifiers; it needs exactly one of mbox, mbox_sha1sum, openid, account");
    }
    JsonNode account = sample.path("account");
    if (sample.has("account")
        && (!account.path("homePage").isTextual() || !account.path("name").isTextual())) {
      throw new IllegalArgumentException(
          "authority template: account needs the strings homePage and name");
    }
  }

  private static AuthorityValues sampleValues() {
    return new AuthorityValues("sample-key", "sample", "sample", new HashMap<>());
  }

  private static void requireAbsolute(String homePage) {
    Objects.requireNonNull(homePage, "homePage");
    try {
      if (new URI(homePage).isAbsolute()) {
        return;
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("authority home page: not an IRI: " + homePage, e);
    }
    throw new IllegalArgumentException("authority home page: must be absolute: " + homePage);
  }
}
