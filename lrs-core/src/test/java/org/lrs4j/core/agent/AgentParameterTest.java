package org.lrs4j.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.AgentKey;

class AgentParameterTest {

  @Test
  void validAgentGivesIdentifier() {
    AgentParameter agent =
        AgentParameter.parse(
            "agent",
            "{\"name\":\"Ann\",\"objectType\":\"Agent\",\"mbox\":\"mailto:ann@example.com\"}",
            XapiVersion.V1_0_3);

    assertThat(agent.key()).isEqualTo(new AgentKey("mbox", "mailto:ann@example.com"));
    assertThat(agent.json().path("name").asText()).isEqualTo("Ann");
  }

  @Test
  void mboxWithoutMailtoIsRejectedWithPath() {
    assertThatThrownBy(
            () ->
                AgentParameter.parse("agent", "{\"mbox\":\"ann@example.com\"}", XapiVersion.V2_0_0))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("agent.mbox:")
        .hasMessageContaining("ann@example.com");
  }

  @Test
  void unknownPropertyIsRejected() {
    assertThatThrownBy(
            () ->
                AgentParameter.parse(
                    "agent", "{\"mbox\":\"mailto:ann@example.com\",\"age\":3}", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("agent");
  }

  @Test
  void invalidJsonIsRejected() {
    assertThatThrownBy(() -> AgentParameter.parse("agent", "{mbox", XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("agent:");
  }
}
