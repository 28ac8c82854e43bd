package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceCreated;
import dev.xcomponent.domain.engine.InstanceStatus;
import dev.xcomponent.domain.engine.TransitionRecorded;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between the domain's recorded events and what stores keep. */
final class StoredEvents {
  private StoredEvents() {}

  static StoredEvent of(String component, InstanceCreated c) {
    Map<String, Object> data = c.publicMember() != null ? c.publicMember() : c.context();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("triggerEvent", c.cause());
    payload.put("initialContext", data);
    if (c.parentId() != null) {
      payload.put("parentInstanceId", c.parentId());
      payload.put("parentMachineName", c.parentMachine());
    }
    if (c.entryPoint()) {
      payload.put("entryPoint", true);
    }
    return new StoredEvent(
        c.eventId(), c.instanceId(), 1, component, c.machineName(), StoredEvent.INSTANCE_CREATED,
        payload, "", c.initialState(), data, c.publicMember(), c.context(), "active", -1, null,
        c.correlationId(), c.causationId(), null, c.timestamp());
  }

  /**
   * The stored form of a transition. Its correlation id is the triggering event's when it carries
   * one (the event belongs to the flow that sent it), else the instance's.
   */
  static StoredEvent of(String component, String machine, String correlation, TransitionRecorded r) {
    Event e = r.event();
    if (e.correlationId() != null) {
      correlation = e.correlationId();
    }
    Map<String, Object> data = r.publicMember() != null ? r.publicMember() : r.context();
    return new StoredEvent(
        r.eventId(), r.instanceId(), r.seq(), component, machine, e.type(), e.payload(),
        r.fromState(), r.toState(), data, r.publicMember(), r.context(), r.status().jsonName(),
        r.transitionIndex(), e.sourceComponent(), correlation, e.causationId(), e.idempotencyKey(),
        r.timestamp());
  }

  /** The domain event a stored transition describes (for replay). */
  static TransitionRecorded transition(StoredEvent s) {
    Event e =
        new Event(s.eventType(), s.payload(), s.timestamp(), s.sourceComponent(), s.causationId(),
            s.correlationId(), s.idempotencyKey());
    return new TransitionRecorded(
        s.instanceId(), s.seq(), s.transitionIndex(), e, s.fromState(), s.toState(),
        s.publicMember() == null ? null : Values.freeze(s.publicMember()),
        Values.freeze(s.context()), status(s.status()), s.timestamp(), s.id());
  }

  static InstanceStatus status(String json) {
    // the stored spellings without a conversion each: a restore reads one per instance and event
    return switch (json) {
      case "active" -> InstanceStatus.ACTIVE;
      case "completed" -> InstanceStatus.COMPLETED;
      case "error" -> InstanceStatus.ERROR;
      default -> InstanceStatus.valueOf(json.toUpperCase(java.util.Locale.ROOT));
    };
  }

  /** The snapshot of {@code i} after its event {@code eventId}, with its armed timers. */
  static InstanceSnapshot snapshot(String component, Instance i, String eventId, List<InstanceSnapshot.ArmedTimer> timers) {
    return new InstanceSnapshot(
        i.id(), component, i.machine().name(), i.state(), i.status().jsonName(), i.publicMember(),
        i.context(), i.createdAt(), i.updatedAt(), i.isEntryPoint(), i.parentId(),
        i.parentMachine(), i.version(), i.correlationId(), eventId, timers);
  }

  static HistoryEntry history(StoredEvent s) {
    return new HistoryEntry(
        s.id(), s.seq(), s.instanceId(), s.componentName(), s.machineName(), s.eventType(),
        s.payload(), s.fromState(), s.toState(), s.data(), s.sourceComponent(), s.timestamp(),
        s.causationId(), s.correlationId());
  }
}
