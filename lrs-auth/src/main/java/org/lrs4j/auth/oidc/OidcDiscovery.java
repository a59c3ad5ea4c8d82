package org.lrs4j.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads an OpenID Provider's discovery document (OpenID Connect Discovery 1.0, section 4). */
final class OidcDiscovery {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OidcDiscovery() {}

  /**
   * Fetches the discovery document and returns the key set URL.
   *
   * @throws IllegalStateException when the document cannot be fetched, is not JSON, names another
   *     issuer or has no {@code jwks_uri}
   */
  static URI jwksUri(OidcSettings settings) {
    URI url = settings.discoveryUrl();
    JsonNode document = fetch(url);

    String issuer = document.path("issuer").asText("");
    if (!issuer.equals(settings.issuer().toString())) {
      throw new IllegalStateException(
          "OIDC discovery " + url + ": issuer is '" + issuer + "', expected " + settings.issuer());
    }
    String jwksUri = document.path("jwks_uri").asText("");
    if (jwksUri.isEmpty()) {
      throw new IllegalStateException("OIDC discovery " + url + ": jwks_uri is missing");
    }
    return URI.create(jwksUri);
  }

  private static JsonNode fetch(URI url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "OIDC discovery " + url + ": HTTP status " + response.statusCode() + ", expected 200");
      }
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("OIDC discovery " + url + ": fetch failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("OIDC discovery " + url + ": interrupted", e);
    }
  }
}
