package org.lrs4j.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BearerAuthenticator;
import org.lrs4j.auth.JwsSignatureVerifier;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.authority.AuthorityTemplate;
import org.lrs4j.core.Lrs;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.http.HttpSettings;
import org.lrs4j.http.LrsServer;
import org.lrs4j.persistence.jdbc.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs the xAPI server until the process is stopped or the thread interrupted. This is where the
 * parts are wired: store, LRS, authenticator, server.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the xAPI server.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand LrsCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on, 0 for any free port (default: 8080; env LRS_PORT).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    LrsConfig config = parent.config(options(port));
    if (config.port() == 0) {
      // The defaults of base.url and authority.homepage name the port, so it is picked before
      // they are derived. If another process takes the port before the server binds it, the
      // start fails instead of announcing a wrong address.
      config = parent.config(options(freePort(config.host())));
    }
    LOG.info("Configuration:\n{}", config.describe());

    try (JdbcStore store = Stores.open(config)) {
      AuthWiring auth = new AuthWiring(config, store);
      ApiKeys keys = auth.keys();
      createBootstrapKey(config, keys);
      AdminAccounts accounts = auth.accounts();
      createFirstAdmin(config, accounts);
      AuthorityTemplate template = auth.template();
      Optional<BearerAuthenticator> bearer = auth.bearer(template);
      Lrs lrs =
          Lrs.builder()
              .statementRepository(store.statements())
              .documentRepository(store.documents())
              .activityRepository(store.activities())
              .agentRepository(store.agents())
              .maxPageSize(config.maxPageSize())
              .signatureVerifier(new JwsSignatureVerifier())
              .build();
      LrsServer server =
          new LrsServer(
              lrs,
              auth.authenticator(template, bearer),
              new HttpSettings(
                      config.host(), config.port(), config.baseUrl(), config.maxBodyBytes())
                  .withCorsOrigins(config.corsOrigins()),
              auth.adminApi(accounts, bearer));

      run(server);
    }
    return 0;
  }

  private static Map<String, String> options(Integer port) {
    Map<String, String> options = new LinkedHashMap<>();
    if (port != null) {
      options.put(LrsConfig.Names.PORT, port.toString());
    }
    return options;
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  private void run(LrsServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown, "lrs-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int bound = server.start();
    try {
      spec.commandLine().getOut().println("LRS4J listening on port " + bound);
      spec.commandLine().getOut().flush();
      stopped.await();
    } finally {
      server.stop();
      removeHook(hook);
    }
  }

  private static void createBootstrapKey(LrsConfig config, ApiKeys keys) {
    if (config.apiKey() == null || config.apiSecret() == null) {
      return;
    }
    boolean created =
        keys.createIfMissing(
                config.apiKey(), config.apiSecret(), "from LRS_API_KEY", Set.of(Scope.ALL))
            .isPresent();
    if (created) {
      LOG.info("Created API key {} with scope all", config.apiKey());
    } else {
      LOG.info("API key {} exists; left unchanged", config.apiKey());
    }
  }

  private static void createFirstAdmin(LrsConfig config, AdminAccounts accounts) {
    AuthConfig auth = config.auth();
    if (auth.adminUsername() == null || auth.adminPassword() == null) {
      return;
    }
    try {
      if (!accounts.createFirst(auth.adminUsername(), auth.adminPassword())) {
        LOG.info("Admin accounts exist; LRS_ADMIN_USERNAME and LRS_ADMIN_PASSWORD are ignored");
      }
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException("admin.username or admin.password: " + e.getMessage(), e);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, which is why the server stopped.
    }
  }
}
