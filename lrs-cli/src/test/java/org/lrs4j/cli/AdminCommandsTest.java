package org.lrs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.admin.AuditEntry;
import org.lrs4j.core.credential.Credential;
import org.lrs4j.core.credential.Scope;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class AdminCommandsTest {

  @TempDir Path folder;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private PasswordPrompt prompt = text -> Optional.empty();

  @Test
  void accountCreateStoresHashedAccount() {
    int status = run("account", "create", "ann", "--password", "correct horse battery staple");
    int weak = run("account", "create", "bob", "--password", "short");

    assertThat(status).as(err.toString()).isZero();
    assertThat(weak).isEqualTo(2);
    assertThat(err.toString()).contains("password: has 5 characters");
    try (JdbcStore store = open()) {
      assertThat(store.adminAccounts().findByUsername("ann").orElseThrow().passwordHash())
          .startsWith("$argon2id$");
      assertThat(store.adminAccounts().findByUsername("bob")).isEmpty();
    }
  }

  @Test
  void keyScopesRotateAndRevokeChangeTheKey() throws Exception {
    run("key", "create", "--json", "--scopes", "all");
    JsonNode created = new ObjectMapper().readTree(out.toString());
    String key = created.get("key").asText();

    int scopes = run("key", "scopes", key, "--scopes", "state,profile");
    int rotate = run("key", "rotate", key);
    int revoke = run("key", "revoke", key);
    int list = run("key", "list");

    assertThat(scopes + rotate + revoke + list).as(err.toString()).isZero();
    assertThat(out.toString()).contains(key + "\tprofile,state\trevoked");
    try (JdbcStore store = open()) {
      Credential stored = store.credentials().findByKey(key).orElseThrow();
      assertThat(stored.scopes()).containsExactlyInAnyOrder(Scope.STATE, Scope.PROFILE);
      assertThat(stored.revoked()).isTrue();
      assertThat(store.auditLog().newest(0, 10))
          .extracting(AuditEntry::action)
          .containsExactly("key.revoke", "key.rotate", "key.scopes");
    }
  }

  @Test
  void accountCreatePromptsWhenPasswordOmitted() {
    prompt = text -> Optional.of("correct horse battery staple".toCharArray());

    int status = run("account", "create", "alice");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Created admin account alice");
    try (JdbcStore store = open()) {
      assertThat(store.adminAccounts().findByUsername("alice")).isPresent();
    }
  }

  @Test
  void accountCreateWithoutTerminalFails() {
    int status = run("account", "create", "alice");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "lrs: --password: missing, and there is no terminal to type it on;"
                + " give --password VALUE"
                + System.lineSeparator());
  }

  @Test
  void rotateRevokedKeyFails() throws Exception {
    run("key", "create", "--json", "--scopes", "all");
    String key = new ObjectMapper().readTree(out.toString()).get("key").asText();
    run("key", "revoke", key);

    int status = run("key", "rotate", key);

    assertThat(status).isEqualTo(2);
    assertThat(out.toString()).doesNotContain("secret");
    assertThat(err.toString())
        .isEqualTo(
            "lrs: key: API key "
                + key
                + " is revoked and cannot be rotated; create a new key instead"
                + System.lineSeparator());
  }

  @Test
  void unknownKeyIsReportedOnOneLine() {
    Logger persistence = (Logger) LoggerFactory.getLogger("org.lrs4j.persistence");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    persistence.addAppender(logs);

    int revoke;
    int rotate;
    try {
      revoke = run("key", "revoke", "no-such-key");
      rotate = run("key", "rotate", "no-such-key");
    } finally {
      persistence.detachAppender(logs);
    }

    assertThat(revoke).isEqualTo(2);
    assertThat(rotate).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("lrs: key: no API key with id no-such-key" + System.lineSeparator());
    assertThat(logs.list).as("store log lines printed with the error").isEmpty();
  }

  private JdbcStore open() {
    return JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    String url = "jdbc:sqlite:" + folder.resolve("lrs.db");
    CommandLine line = LrsCommand.commandLine(new LrsCommand(Map.of("LRS_DATABASE", url), prompt));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }
}
