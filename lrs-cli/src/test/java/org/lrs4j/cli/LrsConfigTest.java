package org.lrs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrsConfigTest {

  @TempDir Path folder;

  @Test
  void defaultsApplyWithoutSources() {
    LrsConfig config = LrsConfig.load(null, Map.of(), Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.database()).isEqualTo("jdbc:sqlite:lrs.db");
    assertThat(config.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.authorityHomePage()).isEqualTo("http://localhost:8080");
    assertThat(config.maxPageSize()).isEqualTo(500);
    assertThat(config.migrateOnStart()).isTrue();
  }

  @Test
  void optionsWinOverEnvironmentOverFile() throws Exception {
    Path file = folder.resolve("lrs.properties");
    Files.writeString(file, "port=1000\ndatabase=jdbc:sqlite:file.db\nmax.page.size=10\n");

    LrsConfig config =
        LrsConfig.load(
            file,
            Map.of("LRS_PORT", "2000", "LRS_DATABASE", "jdbc:sqlite:env.db"),
            Map.of("port", "3000"));

    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.database()).isEqualTo("jdbc:sqlite:env.db");
    assertThat(config.maxPageSize()).isEqualTo(10);
  }

  @Test
  void describeMasksSecrets() {
    LrsConfig config =
        LrsConfig.load(
            null,
            Map.of(
                "LRS_DATABASE_PASSWORD", "db-password",
                "LRS_API_KEY", "bootstrap",
                "LRS_API_SECRET", "api-secret"),
            Map.of());

    assertThat(config.describe())
        .contains("database.password=****")
        .contains("api.secret=****")
        .contains("api.key=bootstrap")
        .doesNotContain("db-password")
        .doesNotContain("api-secret");
    assertThat(config.toString()).doesNotContain("db-password").doesNotContain("api-secret");
  }

  @Test
  void corsOriginsAreSplitAtCommas() {
    LrsConfig config =
        LrsConfig.load(
            null,
            Map.of("LRS_CORS_ORIGINS", " https://a.example.com, ,https://b.example.com:8443 "),
            Map.of());
    LrsConfig none = LrsConfig.load(null, Map.of(), Map.of());

    assertThat(config.corsOrigins())
        .containsExactly("https://a.example.com", "https://b.example.com:8443");
    assertThat(none.corsOrigins()).isEmpty();
  }

  @Test
  void describeMasksPasswordInsideDatabaseUrl() {
    LrsConfig config =
        LrsConfig.load(
            null,
            Map.of("LRS_DATABASE", "jdbc:postgresql://127.0.0.1/lrs?user=lrs&password=hunter2"),
            Map.of());

    assertThat(config.describe()).doesNotContain("hunter2");
    assertThat(config.describe()).contains("password=****");
  }

  @Test
  void failureMessagesJoinTheCauses() {
    Exception failure =
        new IllegalStateException("opening the database failed", new Exception("disk full"));

    assertThat(LrsCommand.messages(failure))
        .isEqualTo("opening the database failed: caused by disk full");
  }

  @Test
  void invalidValueNamesItsSource() {
    assertThatThrownBy(() -> LrsConfig.load(null, Map.of("LRS_PORT", "eighty"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "port from environment variable LRS_PORT: must be an integer from 0 to 65535"
                + " (value: eighty)");
  }

  @Test
  void unknownFileSettingIsRejected() throws Exception {
    Path file = folder.resolve("lrs.properties");
    Files.writeString(file, "prot=1000\n");

    assertThatThrownBy(() -> LrsConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prot in file");
  }
}
