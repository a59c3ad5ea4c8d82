package org.lrs4j.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.statement.WriteContext;
import org.lrs4j.http.HttpSettings;
import org.lrs4j.http.LrsServer;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;

/**
 * The real server, wired as {@code lrs serve} wires it, listening on a free port of 127.0.0.1.
 * Closing it stops the server and closes the database.
 */
final class RunningLrs implements AutoCloseable {

  static final String KEY = "bench";
  static final String SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
  static final String AUTHORITY_HOME_PAGE = "https://lrs.example.com";

  private final JdbcStore store;
  private final Lrs lrs;
  private final LrsServer server;
  private final URI statements;

  private RunningLrs(JdbcStore store, Lrs lrs, LrsServer server, URI statements) {
    this.store = store;
    this.lrs = lrs;
    this.server = server;
    this.statements = statements;
  }

  /** Opens the database, creates the benchmark key and starts the server. */
  static RunningLrs start(DatabaseSettings settings) {
    JdbcStore store = JdbcStore.open(settings);
    // Keeps keys read for verification as long as lrs serve does.
    ApiKeys keys = ApiKeys.cached(store.credentials(), Duration.ofSeconds(5));
    keys.createIfMissing(KEY, SECRET, "benchmark", Set.of(Scope.ALL));
    Lrs lrs = Lrs.builder().statementRepository(store.statements()).build();
    LrsServer server =
        new LrsServer(
            lrs, new BasicAuthenticator(keys, AUTHORITY_HOME_PAGE), HttpSettings.local(0));
    int port = server.start();
    return new RunningLrs(
        store, lrs, server, URI.create("http://127.0.0.1:" + port + LrsServer.STATEMENTS));
  }

  /** Returns the address of the Statement resource. */
  URI statements() {
    return statements;
  }

  /** Returns the value of the {@code Authorization} header for the benchmark key. */
  static String authorization() {
    String pair = KEY + ":" + SECRET;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the LRS behind the server, to load statements without HTTP. */
  Lrs lrs() {
    return lrs;
  }

  /** Returns the write context an HTTP request with the benchmark key gets. */
  static WriteContext writeContext(ObjectMapper mapper) {
    ObjectNode authority = mapper.createObjectNode().put("objectType", "Agent");
    authority.putObject("account").put("homePage", AUTHORITY_HOME_PAGE).put("name", KEY);
    return new WriteContext(XapiVersion.V1_0_3, authority);
  }

  @Override
  public void close() {
    try (store) {
      server.stop();
    }
  }
}
