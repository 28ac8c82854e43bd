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
 * @param causationId id of the recorded event whose effect produced this one, or null when it
 *     comes from outside (an API call, an operator)
 * @param correlationId the business flow it belongs to, or null to use the target instance's
 * @param idempotencyKey caller-supplied key: a trigger whose key was already recorded is not
 *     applied again; null when none
 */
public record Event(
    String type,
    Map<String, Object> payload,
    long timestamp,
    String sourceComponent,
    String causationId,
    String correlationId,
    String idempotencyKey) {
  public Event {
    Objects.requireNonNull(type, "type");
    payload = Values.freeze(payload);
  }

  /** An event without causality metadata. */
  public Event(String type, Map<String, Object> payload, long timestamp, String sourceComponent) {
    this(type, payload, timestamp, sourceComponent, null, null, null);
  }

  /** An event with no source component and no causality metadata. */
  public static Event of(String type, Map<String, ?> payload, long timestamp) {
    return new Event(type, Values.freeze(payload), timestamp, null, null, null, null);
  }

  /** A copy caused by the recorded event {@code eventId} of flow {@code correlation}. */
  public Event causedBy(String eventId, String correlation) {
    return new Event(type, payload, timestamp, sourceComponent, eventId, correlation, idempotencyKey);
  }

  /** A copy carrying an idempotency key. */
  public Event withIdempotencyKey(String key) {
    return new Event(type, payload, timestamp, sourceComponent, causationId, correlationId, key);
  }

  /** A copy attributed to {@code component}. */
  public Event from(String component) {
    return new Event(type, payload, timestamp, component, causationId, correlationId, idempotencyKey);
  }
}
