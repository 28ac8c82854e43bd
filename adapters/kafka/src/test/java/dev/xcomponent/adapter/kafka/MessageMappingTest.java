package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Channel-to-topic names and the JSON wire form. */
class MessageMappingTest {

  @Test
  void channelsBecomePrefixedTopicsWithDots() {
    assertThat(TopicNames.topicOf("fsm:events:state_change")).isEqualTo("xcomponent.fsm.events.state_change");
    assertThat(TopicNames.topicOf("xcomponent:Orders")).isEqualTo("xcomponent.xcomponent.Orders");
    assertThat(TopicNames.topicOf("xcomponent.Orders")).isEqualTo("xcomponent.Orders");
    assertThat(TopicNames.topicOf("Payment")).isEqualTo("xcomponent.Payment");
  }

  @Test
  void channelsThatMakeNoTopicAreRefused() {
    assertThatThrownBy(() -> TopicNames.topicOf(" ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> TopicNames.topicOf(null)).hasMessageContaining("blank");
    assertThatThrownBy(() -> TopicNames.topicOf("a b")).hasMessageContaining("' '");
    assertThatThrownBy(() -> TopicNames.topicOf("x".repeat(250))).hasMessageContaining("249");
  }

  @Test
  void theInstanceIdIsTheKey() {
    assertThat(JsonMessages.key(Map.of("instanceId", "i-1", "data", Map.of("instanceId", "other")))).isEqualTo("i-1");
    assertThat(JsonMessages.key(Map.of("data", Map.of("instanceId", 42)))).isEqualTo("42");
    assertThat(JsonMessages.key(Map.of("instanceId", List.of()))).isNull();
    assertThat(JsonMessages.key(Map.of("type", "discover"))).isNull();
  }

  @Test
  void messagesRoundTripAsJsonAndComeBackImmutable() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "h\u00e9llo \ud83d\ude00");
    m.put("big", 9_007_199_254_740_991L);
    m.put("none", null);
    m.put("list", List.of(1, "two", Map.of("x", true)));
    Map<String, Object> back = JsonMessages.decode(JsonMessages.encode(m));
    assertThat(back).isEqualTo(m);
    assertThatThrownBy(() -> back.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void onlyJsonLikeMessagesAreEncoded() {
    assertThatThrownBy(() -> JsonMessages.encode(null)).hasMessageContaining("null");
    Map<String, Object> object = new HashMap<>();
    object.put("thread", new Object());
    assertThatThrownBy(() -> JsonMessages.encode(object)).hasMessageContaining("$.thread");
    assertThatThrownBy(() -> JsonMessages.encode(Map.of("n", Double.NaN))).hasMessageContaining("finite");
    Map<Object, Object> badKey = new HashMap<>();
    badKey.put(1, "x");
    assertThatThrownBy(() -> JsonMessages.encode(Map.of("m", badKey))).hasMessageContaining("not a string");
    assertThatThrownBy(() -> JsonMessages.decode("[1]".getBytes())).isInstanceOf(RuntimeException.class);
  }
}
