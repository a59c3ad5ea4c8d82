package org.lrs4j.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.error.NotFoundException;

class ActivityServiceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, ObjectNode> definitions = new HashMap<>();
  private final ActivityService service =
      new ActivityService(id -> Optional.ofNullable(definitions.get(id)));

  @Test
  void knownActivityCarriesDefinition() throws Exception {
    definitions.put("http://a", (ObjectNode) MAPPER.readTree("{\"name\":{\"en\":\"A\"}}"));

    ObjectNode activity = service.activity("http://a", XapiVersion.V1_0_3);

    assertThat(activity.toString())
        .isEqualTo(
            "{\"objectType\":\"Activity\",\"id\":\"http://a\",\"definition\":{\"name\":{\"en\":\"A\"}}}");
  }

  @Test
  void activityWithoutDefinitionHasIdOnly() {
    definitions.put("http://a", MAPPER.createObjectNode());

    ObjectNode activity = service.activity("http://a", XapiVersion.V1_0_3);

    assertThat(activity.toString()).isEqualTo("{\"objectType\":\"Activity\",\"id\":\"http://a\"}");
  }

  @Test
  void unknownActivityIsNotFoundUnder103() {
    assertThatThrownBy(() -> service.activity("http://unknown", XapiVersion.V1_0_3))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("http://unknown");
  }

  @Test
  void unknownActivityIsBareObjectUnder200() {
    ObjectNode activity = service.activity("http://unknown", XapiVersion.V2_0_0);

    assertThat(activity.toString())
        .isEqualTo("{\"objectType\":\"Activity\",\"id\":\"http://unknown\"}");
  }
}
