package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.Values;
import java.util.Map;
import java.util.Objects;

/**
 * An event sent to an instance.
 *
 * @param type event type, matched exactly against transitions' {@code event}
 * @param payload JSON-like data (never null; frozen on construction)
 * @param timestamp epoch milliseconds when the event was made
 * @param sourceComponent the component that sent it across components, or null
 */
public record Event(String type, Map<String, Object> payload, long timestamp, String sourceComponent) {
  public Event {
    Objects.requireNonNull(type, "type");
    payload = Values.freeze(payload);
  }

  /** An event with no source component. */
  public static Event of(String type, Map<String, ?> payload, long timestamp) {
    return new Event(type, Values.freeze(payload), timestamp, null);
  }
}
