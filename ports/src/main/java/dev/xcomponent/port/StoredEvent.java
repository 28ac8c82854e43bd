package dev.xcomponent.port;

import java.util.Map;
import java.util.Objects;

/**
 * One recorded event as an event store keeps it: the creation of an instance or one executed
 * transition, with everything needed to rebuild the instance without running user code, and the
 * columns users of the reference query ({@code fsm_events}).
 *
 * @param id event id (a UUID, unique in the store)
 * @param instanceId instance the event belongs to
 * @param seq per-instance sequence number, 1 for the creation; (instanceId, seq) is unique
 * @param componentName owning component
 * @param machineName machine of the instance
 * @param eventType {@code INSTANCE_CREATED} or the transition's event type
 * @param payload event payload (for a creation: cause, parent and initial data)
 * @param fromState state before ({@code ""} for a creation)
 * @param toState state after
 * @param data the instance data after the event (the public member when the machine has one)
 * @param publicMember the public member after the event, or null when the machine has none
 * @param context the context map after the event (for public-member machines: merged payload
 *     keys only; otherwise equal to {@code data})
 * @param status {@code active}, {@code completed} or {@code error} after the event
 * @param transitionIndex index of the fired transition in its machine, -1 for a creation
 * @param sourceComponent component that sent the triggering event across components, or null
 * @param correlationId id shared by every event of one business flow
 * @param causationId id of the event whose effect produced this event's trigger, or null
 * @param idempotencyKey caller-supplied key of the trigger, or null; unique in the store
 * @param timestamp epoch ms of the event ({@code persisted_at})
 */
public record StoredEvent(
    String id,
    String instanceId,
    long seq,
    String componentName,
    String machineName,
    String eventType,
    Map<String, Object> payload,
    String fromState,
    String toState,
    Map<String, Object> data,
    Map<String, Object> publicMember,
    Map<String, Object> context,
    String status,
    int transitionIndex,
    String sourceComponent,
    String correlationId,
    String causationId,
    String idempotencyKey,
    long timestamp) {

  /** The event type of a creation. */
  public static final String INSTANCE_CREATED = "INSTANCE_CREATED";

  public StoredEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(componentName, "componentName");
    Objects.requireNonNull(machineName, "machineName");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(fromState, "fromState");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(status, "status");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1");
    }
  }

  /** True for the creation event of an instance. */
  public boolean isCreation() {
    return INSTANCE_CREATED.equals(eventType);
  }
}
