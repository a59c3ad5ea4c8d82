package org.lrs4j.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "P4W",
        "P3Y",
        "PT4H35M59.14S",
        "PT16559.14S",
        "P3Y1M29DT4H35M59.14S",
        "P1D",
        "PT0S",
        "PT1.5H",
        "P0.5Y"
      })
  void durationIsAccepted(String duration) {
    assertThat(Durations.isValid(duration)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "P",
        "PT",
        "P4W1D",
        "P1DT",
        "PT1H1H",
        "P1M1Y",
        "PT1.5H3M",
        "P1H",
        "T1H",
        "P-1D",
        "P1.D",
        "PT1HT1M",
        "p1d"
      })
  void durationIsRejected(String duration) {
    assertThat(Durations.isValid(duration)).isFalse();
  }

  @Test
  void secondsAreTruncatedToHundredths() {
    assertThat(Durations.toHundredths("PT1.2567S")).isEqualTo("PT1.25S");
  }

  @Test
  void trailingZerosAreRemoved() {
    assertThat(Durations.toHundredths("PT1.500S")).isEqualTo("PT1.5S");
  }

  @Test
  void zeroFractionIsRemoved() {
    assertThat(Durations.toHundredths("PT1.004S")).isEqualTo("PT1S");
  }

  @Test
  void durationWithoutFractionIsKept() {
    assertThat(Durations.toHundredths("P1DT2H")).isEqualTo("P1DT2H");
  }
}
