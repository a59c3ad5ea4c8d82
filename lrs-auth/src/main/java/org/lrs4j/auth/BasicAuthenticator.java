package org.lrs4j.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lrs4j.auth.authority.AuthorityTemplate;
import org.lrs4j.auth.authority.AuthorityValues;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.error.AuthenticationException;

/**
 * Authenticates HTTP Basic credentials (RFC 7617) as an API key id and secret. Thread safe.
 *
 * <p>The authority of a caller is built from the key by an {@link AuthorityTemplate}; by default an
 * Agent identified by an account on the configured home page, named by the key id: {@code
 * {"objectType":"Agent","account":{"homePage":...,"name":<key>}}}.
 */
public final class BasicAuthenticator implements Authenticator {

  private static final String SCHEME = "basic";

  private final ApiKeys keys;
  private final AuthorityTemplate template;

  /**
   * Creates an authenticator over the given keys.
   *
   * @param authorityHomePage the {@code account.homePage} of every authority; an absolute IRI
   * @throws IllegalArgumentException when the home page is not an absolute IRI
   */
  public BasicAuthenticator(ApiKeys keys, String authorityHomePage) {
    this(keys, AuthorityTemplate.standard(requireAbsolute(authorityHomePage)));
  }

  /** Creates an authenticator that builds each caller's authority with the template. */
  public BasicAuthenticator(ApiKeys keys, AuthorityTemplate template) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.template = Objects.requireNonNull(template, "template");
  }

  @Override
  public Principal authenticate(Optional<String> authorization) {
    String header =
        authorization
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "Authorization: missing; send HTTP Basic credentials (key:secret)"));

    String[] credentials = decode(header);
    Credential credential = keys.verify(credentials[0], credentials[1]);
    return new Principal(credential.key(), credential.scopes(), authority(credential));
  }

  /** Returns the authority of a key. */
  public ObjectNode authority(Credential credential) {
    return template.render(
        AuthorityValues.ofKey(credential.key(), credential.label(), credential.owner()));
  }

  private static String[] decode(String header) {
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw new AuthenticationException(
          "Authorization: unsupported scheme " + shorten(scheme) + "; expected Basic");
    }

    String encoded = space < 0 ? "" : header.substring(space + 1).strip();
    String decoded = base64Utf8(encoded);
    if (decoded.indexOf('\0') >= 0) {
      // No key contains U+0000, and PostgreSQL rejects a text parameter that contains it.
      throw new AuthenticationException(
          "Authorization: the Basic credentials must not contain U+0000");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new AuthenticationException(
          "Authorization: the Basic credentials must be base64 of key:secret with a non-empty key");
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static String base64Utf8(String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("Authorization: the Basic credentials are not base64", e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AuthenticationException("Authorization: the Basic credentials are not UTF-8", e);
    }
  }

  private static String requireAbsolute(String homePage) {
    Objects.requireNonNull(homePage, "authorityHomePage");
    try {
      if (new URI(homePage).isAbsolute()) {
        return homePage;
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("authority home page is not an IRI: " + homePage, e);
    }
    throw new IllegalArgumentException("authority home page must be absolute: " + homePage);
  }

  private static String shorten(String value) {
    return value.length() <= 20 ? value : value.substring(0, 17) + "...";
  }
}
