package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.port.HookKind;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Emits the runtime events of one component (SPEC §b.8), each exactly once. Payloads are only
 * built when a listener is registered.
 */
final class Reports {
  private final String component;
  private final RuntimeEvents events;
  private final LongSupplier clock;

  Reports(String component, RuntimeEvents events, LongSupplier clock) {
    this.component = component;
    this.events = events;
    this.clock = clock;
  }

  private void emit(String type, java.util.function.Supplier<Map<String, Object>> payload) {
    if (events.active()) {
      events.emit(type, component, clock.getAsLong(), payload);
    }
  }

  void created(InstanceSlot slot) {
    emit("instance_created", () -> instance(slot.instance));
  }

  void entryPointCreated(Instance i) {
    emit(
        "entry_point_created",
        () -> Payload.of(0, "componentName", component, "machineName", i.machine().name(), "instanceId", i.id()));
  }

  void transition(Transitioned tr, HookPlan plan) {
    if (!events.active()) {
      return;
    }
    Instance before = tr.before();
    Instance after = tr.after();
    Event event = tr.recorded().event();
    if (plan.exitMethod() != null) {
      emit("exit_method", () -> hook(after, plan.exitMethod(), before.state(), event));
    }
    if (plan.triggeredMethod() != null) {
      emit("triggered_method", () -> hook(after, plan.triggeredMethod(), before.state(), event));
    }
    emit(
        "state_change",
        () -> {
          Payload m = Payload.of(9, "instanceId", after.id(), "machineName", after.machine().name());
          m.with("previousState", before.state());
          m.with("newState", after.state());
          m.with("stateType", after.machine().state(after.state()).type().yamlName());
          m.with("event", event(event));
          m.with("eventId", after.id() + ":" + tr.recorded().seq());
          m.with("timestamp", tr.recorded().timestamp());
          m.with("instance", instance(after));
          return m;
        });
    if (plan.entryMethod() != null) {
      emit("entry_method", () -> hook(after, plan.entryMethod(), after.state(), event));
    }
  }

  void ignored(Instance i, Event e) {
    emit(
        "event_ignored",
        () -> Payload.of(0, "instanceId", i.id(), "event", event(e), "currentState", i.state()));
  }

  void disposed(Instance i) {
    emit("instance_disposed", () -> instance(i));
  }

  void userCodeError(Instance i, HookKind kind, String method, Throwable error) {
    emit(
        "user_code_error",
        () -> {
          Payload m = Payload.of(5, "instanceId", i.id(), "method", method, "hook", kind.eventName());
          m.with("error", HookRun.describe(error));
          m.with("errorType", error.getClass().getName());
          return m;
        });
  }

  void interMachine(String sourceId, String targetId, String targetMachine) {
    emit(
        "inter_machine_transition",
        () -> Payload.of(0, "sourceInstanceId", sourceId, "targetInstanceId", targetId, "targetMachine", targetMachine));
  }

  void crossComponent(Instance source, String targetComponent, String targetMachine, String targetEvent, Map<String, Object> data, String note) {
    emit(
        "cross_component_transition",
        () -> {
          Payload m = Payload.of(8, "sourceInstanceId", source.id(), "sourceComponent", component);
          m.with("sourceMachine", source.machine().name());
          m.with("targetComponent", targetComponent);
          m.with("targetMachine", targetMachine);
          m.with("targetEvent", targetEvent);
          m.with("context", data);
          if (note != null) {
            m.with("dropped", note);
          }
          return m;
        });
  }

  void cascadeCompleted(String sourceId, String machine, String state, String eventType, int processed) {
    emit(
        "cascade_completed",
        () -> {
          Payload m = Payload.of(5, "sourceInstanceId", sourceId, "targetMachine", machine);
          m.with("targetState", state);
          m.with("event", eventType);
          m.with("processedCount", processed);
          return m;
        });
  }

  void cascadeError(String sourceId, String machine, String error) {
    emit(
        "cascade_error",
        () -> Payload.of(0, "sourceInstanceId", sourceId, "rule", Payload.of(0, "targetMachine", machine), "error", error));
  }

  void crossComponentCascade(String sourceComponent, String sourceId, String machine, String state, String eventType, int processed) {
    emit(
        "cross_component_cascade",
        () -> {
          Payload m = Payload.of(7, "sourceInstanceId", sourceId, "sourceComponent", sourceComponent);
          m.with("targetComponent", component);
          m.with("targetMachine", machine);
          m.with("targetState", state);
          m.with("event", eventType);
          m.with("processedCount", processed);
          return m;
        });
  }

  void broadcastCompleted(String machine, String state, Event e, Partition.RoutingCount c) {
    emit(
        "broadcast_completed",
        () -> {
          Payload m = Payload.of(5, "machineName", machine, "currentState", state == null ? "*" : state);
          m.with("event", e.type());
          m.with("matchedCount", c.matched());
          m.with("processedCount", c.processed());
          return m;
        });
  }

  void broadcastError(String instanceId, Event e, Throwable error) {
    emit(
        "broadcast_error",
        () -> Payload.of(0, "instanceId", instanceId, "event", e.type(), "error", HookRun.describe(error)));
  }

  void messageError(String target, Event e, String error) {
    emit("message_error", () -> Payload.of(0, "target", target, "event", e.type(), "error", error));
  }

  private static Map<String, Object> hook(Instance i, String method, String state, Event e) {
    Payload m = Payload.of(4, "instanceId", i.id(), "method", method, "state", state);
    m.with("event", event(e));
    return m;
  }

  static Map<String, Object> event(Event e) {
    return Payload.of(0, "type", e.type(), "payload", e.payload(), "timestamp", e.timestamp());
  }

  static Map<String, Object> instance(Instance i) {
    Payload m = Payload.of(10, "id", i.id(), "machineName", i.machine().name(), "currentState", i.state());
    m.with("status", i.status().jsonName());
    m.with("context", i.data());
    if (i.publicMember() != null) {
      m.with("publicMember", i.publicMember());
    }
    m.with("createdAt", i.createdAt());
    m.with("updatedAt", i.updatedAt());
    m.with("isEntryPoint", i.isEntryPoint());
    if (i.parentId() != null) {
      m.with("parentInstanceId", i.parentId());
      m.with("parentMachineName", i.parentMachine());
    }
    return m;
  }
}
