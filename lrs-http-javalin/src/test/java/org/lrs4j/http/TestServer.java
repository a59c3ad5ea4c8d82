package org.lrs4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.auth.JwsSignatureVerifier;
import org.lrs4j.auth.NewApiKey;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;

/**
 * A real server on a free port over a SQLite file, with a key of scope {@code all}, and a client.
 */
final class TestServer implements AutoCloseable {

  static final String HOME_PAGE = "https://lrs.example.com";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final LrsServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ApiKeys keys;
  private final String base;
  private final String authorization;

  private final JdbcStore store;

  private TestServer(Path folder, int maxPage, long maxBodyBytes) {
    this(folder, maxPage, maxBodyBytes, List.of());
  }

  private TestServer(Path folder, int maxPage, long maxBodyBytes, List<String> corsOrigins) {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    Lrs lrs =
        Lrs.builder()
            .statementRepository(store.statements())
            .documentRepository(store.documents())
            .activityRepository(store.activities())
            .agentRepository(store.agents())
            .maxPageSize(maxPage)
            .signatureVerifier(new JwsSignatureVerifier())
            .build();
    keys = ApiKeys.over(store.credentials());
    HttpSettings settings =
        new HttpSettings("127.0.0.1", 0, "http://localhost", maxBodyBytes)
            .withCorsOrigins(corsOrigins);
    server = new LrsServer(lrs, new BasicAuthenticator(keys, HOME_PAGE), settings);
    int port = server.start();
    base = "http://127.0.0.1:" + port;
    authorization = basic(keys.create("tests", Set.of(Scope.ALL), null));
  }

  /** Starts a server over a new SQLite file in the folder. */
  static TestServer start(Path folder) {
    return start(folder, 500);
  }

  /** Starts a server over a new SQLite file that returns at most {@code maxPage} per page. */
  static TestServer start(Path folder, int maxPage) {
    return new TestServer(folder, maxPage, HttpSettings.DEFAULT_MAX_BODY_BYTES);
  }

  /** Starts a server over a new SQLite file that accepts request bodies up to the limit. */
  static TestServer withBodyLimit(Path folder, long maxBodyBytes) {
    return new TestServer(folder, 500, maxBodyBytes);
  }

  /** Starts a server over a new SQLite file that allows browser pages from the origins. */
  static TestServer withCorsOrigins(Path folder, List<String> origins) {
    return new TestServer(folder, 500, HttpSettings.DEFAULT_MAX_BODY_BYTES, origins);
  }

  /** Creates another key and returns its Basic header. */
  String authorization(Scope... scopes) {
    return basic(keys.create("other", Set.of(scopes), null));
  }

  /** Returns a request to the path with the version and authorization headers set. */
  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", authorization);
  }

  /** Returns a request to the path with no headers. */
  HttpRequest.Builder bare(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends the request and returns the body as bytes, exactly as received. */
  HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a GET whose request target goes on the wire exactly as given, which the HTTP client
   * rejects when it has malformed escapes, and returns the whole response as text.
   */
  String rawGet(String target) {
    String request =
        "GET "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Experience-API-Version: 1.0.3\r\nAuthorization: "
            + authorization
            + "\r\nConnection: close\r\n\r\n";
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  HttpResponse<String> post(String body) {
    return send(
        request(LrsServer.STATEMENTS)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String id, String body) {
    return send(
        request(LrsServer.STATEMENTS + "?statementId=" + id)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }

  private static String basic(NewApiKey key) {
    String pair = key.key() + ":" + key.secret();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
