package dev.xcomponent.adapter.kafka;

/**
 * Maps channel names onto Kafka topic names, as the reference does: {@code xcomponent.} followed by
 * the channel with every {@code ':'} turned into {@code '.'} ({@code fsm:events:state_change} →
 * {@code xcomponent.fsm.events.state_change}); a channel that already starts with {@code
 * xcomponent.} is taken as it is. The result must be a legal topic name: letters, digits, {@code
 * '.'}, {@code '_'} and {@code '-'}, at most 249 characters. Two channels differing only by {@code
 * ':'} versus {@code '.'} share a topic.
 */
final class TopicNames {
  static final String PREFIX = "xcomponent.";
  private static final int MAX_LENGTH = 249;

  private TopicNames() {}

  /**
   * The topic of {@code channel}.
   *
   * @throws IllegalArgumentException when the channel is blank or makes no legal topic name
   */
  static String topicOf(String channel) {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("channel name must not be blank");
    }
    String topic = channel.startsWith(PREFIX) ? channel : PREFIX + channel.replace(':', '.');
    if (topic.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("channel '" + channel + "' makes a topic name longer than "
          + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!legal) {
        throw new IllegalArgumentException("channel '" + channel + "' holds '" + c
            + "': Kafka topics allow letters, digits, ':' (mapped to '.'), '.', '_' and '-' only");
      }
    }
    return topic;
  }
}
