package org.lrs4j.auth.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.error.AuthenticationException;

class AuthorityTemplateTest {

  private static final String HOME = "https://lrs.example.org";

  @Test
  void defaultIsAccountOfKeyOnHomePage() {
    String rendered =
        AuthorityTemplate.standard(HOME)
            .render(AuthorityValues.ofKey("k1", "Quiz", null))
            .toString();

    assertThat(rendered)
        .isEqualTo(
            "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lrs.example.org\","
                + "\"name\":\"k1\"}}");
  }

  @Test
  void fileTemplateFillsKeyLabelAndOwner(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("authority.json");
    Files.writeString(
        file,
        "{\"objectType\":\"Agent\",\"name\":\"${label} (by ${owner})\","
            + "\"account\":{\"homePage\":\"${homePage}/keys\",\"name\":\"${key}\"}}");

    String rendered =
        AuthorityTemplate.load(file, HOME)
            .render(AuthorityValues.ofKey("k1", "Quiz tool", "alice"))
            .toString();

    assertThat(rendered)
        .isEqualTo(
            "{\"objectType\":\"Agent\",\"name\":\"Quiz tool (by alice)\","
                + "\"account\":{\"homePage\":\"https://lrs.example.org/keys\",\"name\":\"k1\"}}");
  }

  @Test
  void claimsFillTokenTemplate() {
    AuthorityTemplate template =
        AuthorityTemplate.parse(
            "{\"objectType\":\"Agent\",\"name\":\"${claim.name}\",\"mbox\":\"mailto:${claim.email}\"}",
            HOME);

    String rendered =
        template
            .render(
                new AuthorityValues(
                    "oidc:app", "", "", Map.of("email", "ann@example.org", "name", "Ann Ö")))
            .toString();

    assertThat(rendered)
        .isEqualTo(
            "{\"objectType\":\"Agent\",\"name\":\"Ann Ö\",\"mbox\":\"mailto:ann@example.org\"}");
  }

  @Test
  void groupTemplateWithMembersIsAccepted() {
    AuthorityTemplate template =
        AuthorityTemplate.parse(
            "{\"objectType\":\"Group\",\"account\":{\"homePage\":\"${homePage}\",\"name\":\"${key}\"},"
                + "\"member\":[{\"account\":{\"homePage\":\"${homePage}\",\"name\":\"${owner}\"}}]}",
            HOME);

    assertThat(
            template
                .render(AuthorityValues.ofKey("k1", "", "alice"))
                .at("/member/0/account/name")
                .asText())
        .isEqualTo("alice");
  }

  @Test
  void missingClaimIsAuthenticationFailure() {
    AuthorityTemplate template =
        AuthorityTemplate.parse("{\"mbox\":\"mailto:${claim.email}\"}", HOME);

    assertThatThrownBy(() -> template.render(AuthorityValues.ofKey("k1", "", "")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("claim email");
  }

  @Test
  void invalidTemplatesAreRejectedAtLoad() {
    assertThatThrownBy(() -> AuthorityTemplate.parse("[1]", HOME))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> AuthorityTemplate.parse("{\"mbox\":\"mailto:${keyid}\"}", HOME))
        .hasMessageContaining("unknown placeholder ${keyid}");
    assertThatThrownBy(
            () ->
                AuthorityTemplate.parse(
                    "{\"mbox\":\"mailto:a@b.c\",\"openid\":\"https://id/${key}\"}", HOME))
        .hasMessageContaining("has 2 identifiers");
    assertThatThrownBy(() -> AuthorityTemplate.parse("{\"name\":\"${key}\"}", HOME))
        .hasMessageContaining("has 0 identifiers");
    assertThatThrownBy(
            () -> AuthorityTemplate.parse("{\"objectType\":\"Activity\",\"mbox\":\"x\"}", HOME))
        .hasMessageContaining("must be Agent or Group");
    assertThatThrownBy(() -> AuthorityTemplate.parse(AuthorityTemplate.DEFAULT, "relative/path"))
        .hasMessageContaining("must be absolute");
  }

  @Test
  void placeholderValuesAreNotReinterpreted() {
    String rendered =
        AuthorityTemplate.standard(HOME)
            .render(AuthorityValues.ofKey("k$1\\${label}", "L", null))
            .at("/account/name")
            .asText();

    assertThat(rendered).isEqualTo("k$1\\${label}");
  }
}
