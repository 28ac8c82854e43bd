package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.port.HookKind;
import java.util.LinkedHashMap;
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
        () -> map("componentName", component, "machineName", i.machine().name(), "instanceId", i.id()));
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
          Map<String, Object> m = map("instanceId", after.id(), "machineName", after.machine().name());
          m.put("previousState", before.state());
          m.put("newState", after.state());
          m.put("stateType", after.machine().state(after.state()).type().yamlName());
          m.put("event", event(event));
          m.put("eventId", after.id() + ":" + tr.recorded().seq());
          m.put("timestamp", tr.recorded().timestamp());
          m.put("instance", instance(after));
          return m;
        });
    if (plan.entryMethod() != null) {
      emit("entry_method", () -> hook(after, plan.entryMethod(), after.state(), event));
    }
  }

  void ignored(Instance i, Event e) {
    emit(
        "event_ignored",
        () -> map("instanceId", i.id(), "event", event(e), "currentState", i.state()));
  }

  void disposed(Instance i) {
    emit("instance_disposed", () -> instance(i));
  }

  void userCodeError(Instance i, HookKind kind, String method, Throwable error) {
    emit(
        "user_code_error",
        () -> {
          Map<String, Object> m = map("instanceId", i.id(), "method", method, "hook", kind.eventName());
          m.put("error", HookRun.describe(error));
          m.put("errorType", error.getClass().getName());
          return m;
        });
  }

  void interMachine(String sourceId, String targetId, String targetMachine) {
    emit(
        "inter_machine_transition",
        () -> map("sourceInstanceId", sourceId, "targetInstanceId", targetId, "targetMachine", targetMachine));
  }

  void crossComponent(Instance source, String targetComponent, String targetMachine, String targetEvent, Map<String, Object> data, String note) {
    emit(
        "cross_component_transition",
        () -> {
          Map<String, Object> m = map("sourceInstanceId", source.id(), "sourceComponent", component);
          m.put("sourceMachine", source.machine().name());
          m.put("targetComponent", targetComponent);
          m.put("targetMachine", targetMachine);
          m.put("targetEvent", targetEvent);
          m.put("context", data);
          if (note != null) {
            m.put("dropped", note);
          }
          return m;
        });
  }

  void cascadeCompleted(String sourceId, String machine, String state, String eventType, int processed) {
    emit(
        "cascade_completed",
        () -> {
          Map<String, Object> m = map("sourceInstanceId", sourceId, "targetMachine", machine);
          m.put("targetState", state);
          m.put("event", eventType);
          m.put("processedCount", processed);
          return m;
        });
  }

  void cascadeError(String sourceId, String machine, String error) {
    emit(
        "cascade_error",
        () -> map("sourceInstanceId", sourceId, "rule", map("targetMachine", machine), "error", error));
  }

  void crossComponentCascade(String sourceComponent, String sourceId, String machine, String state, String eventType, int processed) {
    emit(
        "cross_component_cascade",
        () -> {
          Map<String, Object> m = map("sourceInstanceId", sourceId, "sourceComponent", sourceComponent);
          m.put("targetComponent", component);
          m.put("targetMachine", machine);
          m.put("targetState", state);
          m.put("event", eventType);
          m.put("processedCount", processed);
          return m;
        });
  }

  void broadcastCompleted(String machine, String state, Event e, Partition.RoutingCount c) {
    emit(
        "broadcast_completed",
        () -> {
          Map<String, Object> m = map("machineName", machine, "currentState", state == null ? "*" : state);
          m.put("event", e.type());
          m.put("matchedCount", c.matched());
          m.put("processedCount", c.processed());
          return m;
        });
  }

  void broadcastError(String instanceId, Event e, Throwable error) {
    emit(
        "broadcast_error",
        () -> map("instanceId", instanceId, "event", e.type(), "error", HookRun.describe(error)));
  }

  void messageError(String target, Event e, String error) {
    emit("message_error", () -> map("target", target, "event", e.type(), "error", error));
  }

  private static Map<String, Object> hook(Instance i, String method, String state, Event e) {
    Map<String, Object> m = map("instanceId", i.id(), "method", method, "state", state);
    m.put("event", event(e));
    return m;
  }

  static Map<String, Object> event(Event e) {
    return map("type", e.type(), "payload", e.payload(), "timestamp", e.timestamp());
  }

  static Map<String, Object> instance(Instance i) {
    Map<String, Object> m = map("id", i.id(), "machineName", i.machine().name(), "currentState", i.state());
    m.put("status", i.status().jsonName());
    m.put("context", i.data());
    if (i.publicMember() != null) {
      m.put("publicMember", i.publicMember());
    }
    m.put("createdAt", i.createdAt());
    m.put("updatedAt", i.updatedAt());
    m.put("isEntryPoint", i.isEntryPoint());
    if (i.parentId() != null) {
      m.put("parentInstanceId", i.parentId());
      m.put("parentMachineName", i.parentMachine());
    }
    return m;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
