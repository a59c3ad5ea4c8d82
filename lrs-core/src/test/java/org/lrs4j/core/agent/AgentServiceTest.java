package org.lrs4j.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.error.InvalidRequestException;
import org.lrs4j.core.model.AgentKey;
import org.lrs4j.core.model.Statement;

class AgentServiceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, List<String>> names =
      Map.of(
          "mbox|mailto:alice@example.com", List.of("Alice", "Alice Smith"),
          "account|http://example.com/accounts bob 2", List.of("Bob"));
  private final AgentService service =
      new AgentService(key -> names.getOrDefault(key.asString(), List.of()));

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void personListsStoredNamesAfterRequestName() throws Exception {
    JsonNode person = service.person(json("{'mbox':'mailto:alice@example.com','name':'Al'}"));

    assertThat(person)
        .isEqualTo(
            json(
                "{'objectType':'Person','name':['Al','Alice','Alice Smith'],"
                    + "'mbox':['mailto:alice@example.com']}"));
  }

  @Test
  void personOfAccountSplitsHomePageAndName() throws Exception {
    JsonNode person =
        service.person(
            json("{'account':{'homePage':'http://example.com/accounts','name':'bob 2'}}"));

    assertThat(person)
        .isEqualTo(
            json(
                "{'objectType':'Person','name':['Bob'],"
                    + "'account':[{'homePage':'http://example.com/accounts','name':'bob 2'}]}"));
  }

  @Test
  void unknownAgentGetsRequestInformationOnly() throws Exception {
    JsonNode person = service.person(json("{'openid':'http://openid.example.com/carol'}"));

    assertThat(person)
        .isEqualTo(json("{'objectType':'Person','openid':['http://openid.example.com/carol']}"));
  }

  @Test
  void agentWithTwoIdentifiersIsRejected() {
    assertThatThrownBy(
            () -> service.person(json("{'mbox':'mailto:a@example.com','openid':'http://o'}")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("agent:");
  }

  @Test
  void namesAreCollectedFromEveryAgentPosition() throws Exception {
    Statement statement =
        new Statement(
            (ObjectNode)
                json(
                    "{'actor':{'objectType':'Group','name':'Team','mbox':'mailto:t@x.org',"
                        + "'member':[{'name':'M','mbox':'mailto:m@x.org'}]},"
                        + "'object':{'objectType':'Agent','name':'O','mbox':'mailto:o@x.org'},"
                        + "'authority':{'name':'Auth','mbox':'mailto:auth@x.org'},"
                        + "'context':{'instructor':{'name':'I','mbox':'mailto:i@x.org'},"
                        + "'contextAgents':[{'objectType':'contextAgent',"
                        + "'agent':{'name':'C','mbox':'mailto:c@x.org'}}]}}"));

    List<AgentNames.NamedAgent> named = AgentNames.collect(statement);

    assertThat(named)
        .extracting(AgentNames.NamedAgent::name)
        .containsExactly("Team", "M", "O", "I", "C", "Auth");
    assertThat(named.get(0).key()).isEqualTo(new AgentKey("mbox", "mailto:t@x.org"));
  }
}
