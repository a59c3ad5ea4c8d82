package org.lrs4j.core.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.model.Statement;

class ActivityDefinitionsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void mergeKeepsOtherLanguagesAndReplacesType() throws Exception {
    ObjectNode stored =
        json(
            "{'name':{'en-US':'Course','de-DE':'Kurs'},'type':'http://a/t1','moreInfo':'http://m'}");
    ObjectNode incoming =
        json("{'name':{'en-US':'The course'},'type':'http://a/t2','extensions':{'http://e':1}}");

    ObjectNode merged = ActivityDefinitions.merge(stored, incoming);

    assertThat(merged)
        .isEqualTo(
            json(
                "{'name':{'en-US':'The course','de-DE':'Kurs'},'type':'http://a/t2',"
                    + "'moreInfo':'http://m','extensions':{'http://e':1}}"));
    assertThat(stored.get("type").textValue()).isEqualTo("http://a/t1");
  }

  @Test
  void mergeReplacesInteractionComponentsWhole() throws Exception {
    ObjectNode stored = json("{'choices':[{'id':'a'},{'id':'b'}]}");
    ObjectNode incoming = json("{'choices':[{'id':'c'}]}");

    assertThat(ActivityDefinitions.merge(stored, incoming))
        .isEqualTo(json("{'choices':[{'id':'c'}]}"));
  }

  @Test
  void collectFindsObjectContextAndSubStatement() throws Exception {
    Statement statement =
        new Statement(
            json(
                "{'object':{'objectType':'SubStatement','object':{'id':'http://sub'},"
                    + "'context':{'contextActivities':{'other':{'id':'http://sub-other'}}}},"
                    + "'context':{'contextActivities':{'parent':[{'id':'http://parent',"
                    + "'definition':{'name':{'en':'P'}}}],'category':[{'id':'http://cat'}]}}}"));

    Map<String, ObjectNode> definitions = ActivityDefinitions.collect(statement);

    assertThat(definitions.keySet())
        .containsExactly("http://parent", "http://cat", "http://sub", "http://sub-other");
    assertThat(definitions.get("http://parent")).isEqualTo(json("{'name':{'en':'P'}}"));
    assertThat(definitions.get("http://cat")).isEmpty();
  }

  @Test
  void collectSkipsAgentObject() throws Exception {
    Statement statement =
        new Statement(json("{'object':{'objectType':'Agent','mbox':'mailto:a@example.com'}}"));

    assertThat(ActivityDefinitions.collect(statement)).isEmpty();
  }

  @Test
  void collectMergesRepeatedActivity() throws Exception {
    Statement statement =
        new Statement(
            json(
                "{'object':{'id':'http://a','definition':{'name':{'en':'A'}}},"
                    + "'context':{'contextActivities':{'grouping':[{'id':'http://a',"
                    + "'definition':{'name':{'fr':'A fr'}}}]}}}"));

    assertThat(ActivityDefinitions.collect(statement).get("http://a"))
        .isEqualTo(json("{'name':{'en':'A','fr':'A fr'}}"));
  }
}
