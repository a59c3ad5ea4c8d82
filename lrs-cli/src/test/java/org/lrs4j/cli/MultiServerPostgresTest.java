package org.lrs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.PostgresTestDatabase;

/**
 * Two LRS server processes, each its own JVM started from this test's class path, share one
 * PostgreSQL database; many HTTP clients send to both at once. Skipped when {@code
 * LRS_TEST_POSTGRES_URL} is not set.
 *
 * <p>NOTE: racing document writes with {@code If-Match} are not covered yet, because this build has
 * no document resources.
 */
class MultiServerPostgresTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String KEY = "multi";
  private static final String SECRET = "a-long-random-secret-for-two-servers";
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
  private static final Pattern LISTENING = Pattern.compile("LRS4J listening on port (\\d+)");
  private static final List<String> ACTORS =
      List.of("mailto:ada@example.com", "mailto:bob@example.com", "mailto:cy@example.com");
  private static final List<String> ACTIVITIES =
      List.of(
          "http://example.com/courses/algebra",
          "http://example.com/courses/geometry",
          "http://example.com/courses/calculus");

  private static final int PAGES_UNDER_LOAD = 30;

  private static PostgresTestDatabase database;
  private static Server first;
  private static Server second;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void startServers() throws Exception {
    database = PostgresTestDatabase.create();
    first = Server.start(database.settings());
    second = Server.start(database.settings());
  }

  @AfterAll
  static void stopServers() {
    for (Server server : new Server[] {first, second}) {
      if (server != null) {
        server.stop();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void putRaceHasOneWinner() throws Exception {
    for (int round = 0; round < 25; round++) {
      UUID id = UUID.randomUUID();
      CompletableFuture<HttpResponse<String>> toFirst =
          sendAsync(first, put(first, id, statement(ACTORS.get(0), ACTIVITIES.get(0), null)));
      CompletableFuture<HttpResponse<String>> toSecond =
          sendAsync(second, put(second, id, statement(ACTORS.get(1), ACTIVITIES.get(1), null)));

      List<Integer> statuses =
          new ArrayList<>(List.of(toFirst.get().statusCode(), toSecond.get().statusCode()));
      Collections.sort(statuses);

      assertThat(statuses).as("round %d, id %s", round, id).containsExactly(204, 409);
      assertThat(rowsWithId(id)).as("rows with id %s", id).isEqualTo(1);
    }
  }

  @Test
  void concurrentBatchesSharingActorsAllSucceed() throws Exception {
    UUID registration = UUID.randomUUID();
    List<String> shared = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ObjectNode statement = statement(ACTORS.get(i % 3), ACTIVITIES.get(i % 3), registration);
      statement.put("id", UUID.randomUUID().toString());
      shared.add(statement.toString());
    }
    int clients = 12;
    int batches = 8;
    int batchSize = 40;
    ExecutorService executor = Executors.newFixedThreadPool(clients);
    List<Future<List<Integer>>> results = new ArrayList<>();

    try {
      for (int c = 0; c < clients; c++) {
        int clientNumber = c;
        results.add(
            executor.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int b = 0; b < batches; b++) {
                    Server server = (clientNumber + b) % 2 == 0 ? first : second;
                    ArrayNode batch = batch(batchSize, registration);
                    // Every batch repeats two of the shared statements, so concurrent batches
                    // insert the same ids in different orders.
                    batch.insert(b % batchSize, MAPPER.readTree(shared.get(b % 4)));
                    batch.add(MAPPER.readTree(shared.get((b + clientNumber) % 4)));
                    statuses.add(send(server, post(server, dedupe(batch))).statusCode());
                  }
                  return statuses;
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        statuses.addAll(result.get(300, TimeUnit.SECONDS));
      }

      assertThat(statuses).hasSize(clients * batches).containsOnly(200);
      assertThat(rowsWithRegistration(registration))
          .isEqualTo(clients * batches * batchSize + shared.size());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void cursorsAndConsistentThroughHoldUnderLoad() throws Exception {
    UUID registration = UUID.randomUUID();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService executor = Executors.newFixedThreadPool(10);
    List<Future<?>> writers = new ArrayList<>();
    List<List<String>> ascendingWalks = Collections.synchronizedList(new ArrayList<>());
    List<List<String>> newestFirstWalks = Collections.synchronizedList(new ArrayList<>());
    Map<Instant, Set<String>> promises = new ConcurrentHashMap<>();

    try {
      for (int w = 0; w < 6; w++) {
        Server server = w % 2 == 0 ? first : second;
        writers.add(
            executor.submit(
                () -> {
                  while (writing.get()) {
                    HttpResponse<String> response =
                        send(server, post(server, batch(10, registration)));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                  }
                  return null;
                }));
      }
      Instant end = Instant.now().plus(PostgresLoad.DURATION);
      while (Instant.now().isBefore(end)) {
        ascendingWalks.add(walk(registration, true, PAGES_UNDER_LOAD));
        newestFirstWalks.add(walk(registration, false, PAGES_UNDER_LOAD));
        Instant consistentThrough = consistentThrough(first, registration);
        promises.put(
            consistentThrough, new HashSet<>(storedUntil(registration, consistentThrough)));
      }
    } finally {
      writing.set(false);
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      executor.shutdownNow();
    }

    List<String> all = walk(registration, true, Integer.MAX_VALUE);
    Map<String, Instant> storedById = storedTimes(registration);
    List<String> newestFirst = new ArrayList<>(all);
    Collections.reverse(newestFirst);

    assertThat(new HashSet<>(all)).hasSize(all.size()).hasSize(storedById.size());
    for (List<String> walked : ascendingWalks) {
      assertThat(all.subList(0, walked.size())).containsExactlyElementsOf(walked);
    }
    for (List<String> walked : newestFirstWalks) {
      if (!walked.isEmpty()) {
        int start = newestFirst.indexOf(walked.get(0));
        assertThat(start).isNotNegative();
        assertThat(newestFirst.subList(start, Math.min(newestFirst.size(), start + walked.size())))
            .containsExactlyElementsOf(walked);
      }
    }
    assertThat(promises.keySet())
        .anySatisfy(
            promise ->
                assertThat(promise)
                    .isAfter(storedById.values().stream().min(Instant::compareTo).orElseThrow()));
    promises.forEach(
        (promise, seen) ->
            storedById.forEach(
                (id, stored) -> {
                  if (!stored.isAfter(promise)) {
                    assertThat(seen)
                        .as("statement %s stored %s, promise %s", id, stored, promise)
                        .contains(id);
                  }
                }));
  }

  /**
   * Follows {@code more} links to the end or for at most {@code maxPages} pages, switching servers
   * on every page. An ascending walk during writes may never reach the end, hence the bound.
   */
  private static List<String> walk(UUID registration, boolean ascending, int maxPages)
      throws Exception {
    List<String> ids = new ArrayList<>();
    String path =
        "/xapi/statements?limit=7&ascending=" + ascending + "&registration=" + registration;
    for (int page = 0; path != null && page < maxPages; page++) {
      Server server = page % 2 == 0 ? first : second;
      HttpResponse<String> response = send(server, get(server, path));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode result = MAPPER.readTree(response.body());
      result.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
      String more = result.path("more").asText("");
      path = more.isEmpty() ? null : more;
    }
    return ids;
  }

  /** Returns every statement stored at or before {@code until}, in pages of 500. */
  private static List<String> storedUntil(UUID registration, Instant until) throws Exception {
    List<String> ids = new ArrayList<>();
    String path =
        "/xapi/statements?limit=500&registration="
            + registration
            + "&until="
            + URLEncoder.encode(until.toString(), StandardCharsets.UTF_8);
    for (int page = 0; path != null; page++) {
      Server server = page % 2 == 0 ? second : first;
      HttpResponse<String> response = send(server, get(server, path));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode result = MAPPER.readTree(response.body());
      result.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
      String more = result.path("more").asText("");
      path = more.isEmpty() ? null : more;
    }
    return ids;
  }

  private static Instant consistentThrough(Server server, UUID registration) throws Exception {
    HttpResponse<String> response =
        send(server, get(server, "/xapi/statements?limit=1&registration=" + registration));
    return Instant.parse(
        response.headers().firstValue("X-Experience-API-Consistent-Through").orElseThrow());
  }

  private static Map<String, Instant> storedTimes(UUID registration) throws SQLException {
    Map<String, Instant> stored = new HashMap<>();
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT s.id, s.stored_millis FROM statement s JOIN statement_key k"
                    + " ON k.seq = s.seq WHERE k.kind = 6 AND k.key_value = ?")) {
      query.setString(1, registration.toString());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
        }
      }
    }
    return stored;
  }

  private static int rowsWithId(UUID id) throws SQLException {
    return count("SELECT count(*) FROM statement WHERE id = ?::uuid", id.toString());
  }

  private static int rowsWithRegistration(UUID registration) throws SQLException {
    return count(
        "SELECT count(*) FROM statement_key WHERE kind = 6 AND key_value = ?",
        registration.toString());
  }

  private static int count(String sql, String parameter) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static Connection connect() throws SQLException {
    DatabaseSettings settings = database.settings();
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  private static ArrayNode batch(int size, UUID registration) {
    ArrayNode batch = MAPPER.createArrayNode();
    for (int i = 0; i < size; i++) {
      batch.add(statement(ACTORS.get(i % 3), ACTIVITIES.get((i / 3) % 3), registration));
    }
    return batch;
  }

  private static ArrayNode dedupe(ArrayNode batch) {
    ArrayNode unique = MAPPER.createArrayNode();
    Set<String> ids = new HashSet<>();
    for (JsonNode statement : batch) {
      String id = statement.path("id").asText("");
      if (id.isEmpty() || ids.add(id)) {
        unique.add(statement);
      }
    }
    return unique;
  }

  private static ObjectNode statement(String actor, String activity, UUID registration) {
    ObjectNode statement = MAPPER.createObjectNode();
    statement.putObject("actor").put("mbox", actor);
    statement
        .putObject("verb")
        .put("id", "http://adlnet.gov/expapi/verbs/completed")
        .putObject("display")
        .put("en-US", "completed");
    statement.putObject("object").put("id", activity);
    if (registration != null) {
      statement.putObject("context").put("registration", registration.toString());
    }
    return statement;
  }

  private static HttpRequest put(Server server, UUID id, ObjectNode statement) {
    return request(server, "/xapi/statements?statementId=" + id)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(statement.toString()))
        .build();
  }

  private static HttpRequest post(Server server, ArrayNode batch) {
    return request(server, "/xapi/statements")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(batch.toString()))
        .build();
  }

  private static HttpRequest get(Server server, String pathAndQuery) {
    return request(server, pathAndQuery).GET().build();
  }

  private static HttpRequest.Builder request(Server server, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(60))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", AUTH);
  }

  private static HttpResponse<String> send(Server server, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static CompletableFuture<HttpResponse<String>> sendAsync(
      Server server, HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** How long the load of the cursor test runs: past the consistency margin of 10 s. */
  private static final class PostgresLoad {
    static final Duration DURATION = Duration.ofSeconds(14);
  }

  /** One {@code lrs serve} process. */
  private record Server(Process process, int port) {

    static Server start(DatabaseSettings settings) throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder =
          new ProcessBuilder(
              java.toString(),
              "-Xmx256m",
              "-Duser.timezone=UTC",
              "-cp",
              System.getProperty("java.class.path"),
              LrsCommand.class.getName(),
              "serve",
              "--port",
              "0");
      Map<String, String> environment = builder.environment();
      environment.put("LRS_HOST", "127.0.0.1");
      environment.put("LRS_DATABASE", settings.url());
      environment.put("LRS_DATABASE_USER", settings.user() == null ? "" : settings.user());
      environment.put(
          "LRS_DATABASE_PASSWORD", settings.password() == null ? "" : settings.password());
      environment.put("LRS_API_KEY", KEY);
      environment.put("LRS_API_SECRET", SECRET);
      builder.redirectErrorStream(true);
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "lrs-server-stop"));
      return new Server(process, awaitPort(process));
    }

    private static int awaitPort(Process process) throws IOException {
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        seen.append(line).append('\n');
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          Thread drain = new Thread(() -> drain(output), "lrs-server-output");
          drain.setDaemon(true);
          drain.start();
          return Integer.parseInt(matcher.group(1));
        }
      }
      throw new IllegalStateException("the server exited before it listened:\n" + seen);
    }

    private static void drain(BufferedReader output) {
      try {
        while (output.readLine() != null) {
          // Keeps the pipe from filling up, which would block the server's logging.
        }
      } catch (IOException e) {
        // The process ended.
      }
    }

    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
