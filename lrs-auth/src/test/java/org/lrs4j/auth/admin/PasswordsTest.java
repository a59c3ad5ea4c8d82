package org.lrs4j.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrs4j.core.error.InvalidRequestException;

class PasswordsTest {

  private final PasswordHasher hasher = new PasswordHasher(1024, 1);

  @Test
  void hashIsArgon2idAndVerifies() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hash).doesNotContain("correct horse battery");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
  }

  @Test
  void sameHashIsNeverMadeTwice() {
    assertThat(hasher.hash("correct horse battery"))
        .isNotEqualTo(hasher.hash("correct horse battery"));
  }

  @Test
  void hashOfOtherCostStillVerifies() {
    String old = new PasswordHasher(2048, 2).hash("correct horse battery");

    assertThat(hasher.matches("correct horse battery", old)).isTrue();
  }

  @Test
  void foreignHashNeverMatches() {
    assertThat(hasher.matches("secret", "sha256:2bb80d537b1da3e38bd30361aa855686bde0eacd"))
        .isFalse();
    assertThat(hasher.matches("secret", "$argon2id$garbage")).isFalse();
    assertThat(hasher.matches("secret", null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "alice, short1A!, 8 characters",
    "alice, aaaaaaaaaaaaaaaa, 1 different characters",
    "alice, 121212121212, 2 different characters",
    "alice, my-ALICE-password, user name",
  })
  void weakPasswordIsRejected(String username, String password, String reason) {
    assertThatThrownBy(() -> PasswordPolicy.check(username, password))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(reason)
        .hasMessageNotContaining(password);
  }

  @Test
  void longAndMixedPasswordIsAccepted() {
    assertThatCode(() -> PasswordPolicy.check("alice", "correct horse battery staple"))
        .doesNotThrowAnyException();
  }

  @Test
  void tooLongPasswordIsRejected() {
    assertThatThrownBy(() -> PasswordPolicy.check("alice", "abcdefgh".repeat(33)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("264 characters");
  }
}
