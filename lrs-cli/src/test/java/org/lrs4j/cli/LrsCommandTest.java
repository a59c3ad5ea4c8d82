package org.lrs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;
import picocli.CommandLine;

class LrsCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void keyCreatePrintsUsableKey() throws Exception {
    int status = run(Map.of(), "key", "create", "--json", "--scopes", "all,statements/read");

    JsonNode printed = MAPPER.readTree(out.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(printed.get("scopes").toString()).isEqualTo("[\"all\",\"statements/read\"]");
    try (JdbcStore store = JdbcStore.open(DatabaseSettings.sqlite(database()))) {
      Credential credential =
          ApiKeys.over(store.credentials())
              .verify(printed.get("key").asText(), printed.get("secret").asText());
      assertThat(credential.key()).isEqualTo(printed.get("key").asText());
    }
  }

  @Test
  void keyCreateRejectsUnknownScope() {
    int status = run(Map.of(), "key", "create", "--scopes", "statements/everything");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scope statements/everything");
  }

  @Test
  void migrateCreatesDatabase() {
    int status = run(Map.of(), "migrate");

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.exists(database())).isTrue();
    assertThat(out.toString()).contains("is migrated");
  }

  @Test
  void databaseOptionWinsOverEnvironment() {
    Path other = folder.resolve("other.db");

    int status = run(Map.of(), "migrate", "--database", "jdbc:sqlite:" + other);

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.exists(other)).isTrue();
    assertThat(Files.exists(database())).isFalse();
  }

  @Test
  void serveStoresStatement() throws Exception {
    Map<String, String> environment =
        Map.of("LRS_API_KEY", "bootstrap", "LRS_API_SECRET", "a-long-random-secret");
    Thread serving = new Thread(() -> run(environment, "serve", "--port", "0"), "serve-test");
    serving.start();
    try {
      int port = awaitPort();
      HttpClient client = HttpClient.newHttpClient();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      "bootstrap:a-long-random-secret".getBytes(StandardCharsets.UTF_8));
      String statement =
          "{\"actor\":{\"mbox\":\"mailto:cli@example.com\"},"
              + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
              + "\"object\":{\"id\":\"http://example.com/cli\"}}";

      HttpResponse<String> posted =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements"))
                  .header("X-Experience-API-Version", "1.0.3")
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(statement))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String id = MAPPER.readTree(posted.body()).get(0).asText();
      HttpResponse<String> fetched =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/xapi/statements?statementId=" + id))
                  .header("X-Experience-API-Version", "1.0.3")
                  .header("Authorization", auth)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> console =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(MAPPER.readTree(fetched.body()).at("/authority/account/name").asText())
          .isEqualTo("bootstrap");
      assertThat(MAPPER.readTree(fetched.body()).at("/authority/account/homePage").asText())
          .isEqualTo("http://localhost:" + port);
      assertThat(console.statusCode()).isEqualTo(200);
      assertThat(console.body()).contains("<title>LRS4J admin console</title>");
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(serving.isAlive()).isFalse();
  }

  @Test
  void serveStoresStateDocumentFromAllowedOrigin() throws Exception {
    Map<String, String> environment =
        Map.of(
            "LRS_API_KEY", "bootstrap",
            "LRS_API_SECRET", "a-long-random-secret",
            "LRS_CORS_ORIGINS", "https://app.example.com");
    Thread serving = new Thread(() -> run(environment, "serve", "--port", "0"), "serve-test");
    serving.start();
    try {
      int port = awaitPort();
      HttpClient client = HttpClient.newHttpClient();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      "bootstrap:a-long-random-secret".getBytes(StandardCharsets.UTF_8));
      URI state =
          URI.create(
              "http://127.0.0.1:"
                  + port
                  + "/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fcli"
                  + "&agent=%7B%22mbox%22%3A%22mailto%3Acli%40example.com%22%7D&stateId=s");

      HttpResponse<String> stored =
          client.send(
              HttpRequest.newBuilder(state)
                  .header("X-Experience-API-Version", "2.0.0")
                  .header("Authorization", auth)
                  .header("Content-Type", "text/plain")
                  .PUT(HttpRequest.BodyPublishers.ofString("page 7"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> fetched =
          client.send(
              HttpRequest.newBuilder(state)
                  .header("X-Experience-API-Version", "2.0.0")
                  .header("Authorization", auth)
                  .header("Origin", "https://app.example.com")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
      assertThat(fetched.body()).isEqualTo("page 7");
      assertThat(fetched.headers().firstValue("Access-Control-Allow-Origin"))
          .contains("https://app.example.com");
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(serving.isAlive()).isFalse();
  }

  private int awaitPort() throws InterruptedException {
    Pattern listening = Pattern.compile("listening on port (\\d+)");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = listening.matcher(out.toString());
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start; output: " + out + " errors: " + err);
  }

  private int run(Map<String, String> extraEnvironment, String... args) {
    Map<String, String> environment = new java.util.HashMap<>(extraEnvironment);
    environment.put("LRS_DATABASE", "jdbc:sqlite:" + database());
    CommandLine line = LrsCommand.commandLine(new LrsCommand(environment));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private Path database() {
    return folder.resolve("lrs.db");
  }
}
