package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void durationHasOneDecimal() {
    assertThat(LrsServer.oneDecimal(0f)).isEqualTo("0.0");
    assertThat(LrsServer.oneDecimal(3.14f)).isEqualTo("3.1");
    assertThat(LrsServer.oneDecimal(12.96f)).isEqualTo("13.0");
    assertThat(LrsServer.oneDecimal(1234.56f)).isEqualTo("1234.6");
  }

  @Test
  void durationMatchesFormatOnSampleValues() {
    for (float millis = 0f; millis < 200f; millis += 0.37f) {
      String expected = String.format(Locale.ROOT, "%.1f", millis);

      assertThat(LrsServer.oneDecimal(millis)).as("%s ms", millis).isEqualTo(expected);
    }
  }
}
