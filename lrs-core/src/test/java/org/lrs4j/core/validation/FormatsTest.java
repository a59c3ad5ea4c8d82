package org.lrs4j.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "en",
        "en-US",
        "zh-Hant-TW",
        "sr-Latn-RS",
        "es-419",
        "de-CH-1996",
        "sl-rozaj-biske",
        "en-a-bbb-x-a-ccc",
        "x-whatever",
        "zh-min-nan",
        "i-klingon",
        "EN-us",
        "zh-yue-HK"
      })
  void languageTagIsAccepted(String tag) {
    assertThat(Formats.isLanguageTag(tag)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "en_US",
        "en-",
        "-en",
        "e",
        "en--US",
        "en-a",
        "en-a-x",
        "123",
        "en-US-toolongsubtag",
        "en US",
        "en-x"
      })
  void languageTagIsRejected(String tag) {
    assertThat(Formats.isLanguageTag(tag)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "urn:isbn:0451450523",
        "mailto:a@example.com",
        "http://example.com/ü?q=1#f",
        "tag:example.com,2024:x%20y"
      })
  void iriIsAccepted(String iri) {
    assertThat(Formats.isIri(iri)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example.com",
        "/relative",
        ":x",
        "http:",
        "http://a b",
        "1http://x",
        "http://x/%g0",
        "http://x/{y}"
      })
  void iriIsRejected(String iri) {
    assertThat(Formats.isIri(iri)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
        "FD41C918-B88B-1B20-C0A5-A4C32391AAA0",
        "00000000-0000-0000-0000-000000000000"
      })
  void uuidIsAccepted(String uuid) {
    assertThat(Formats.isUuid(uuid)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "fd41c918b88b4b20a0a5a4c32391aaa0",
        "{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}",
        "fd41c918-b88b-4b20-a0a5-a4c32391aaag"
      })
  void uuidIsRejected(String uuid) {
    assertThat(Formats.isUuid(uuid)).isFalse();
  }
}
