package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.PendingTimeout;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link InstanceView}s from instance images and their armed timers. */
final class InstanceViews {
  private InstanceViews() {}

  static InstanceView of(ComponentRuntime rt, InstanceSlot slot) {
    return of(rt, slot.instance, slot.removed ? null : slot.timers, slot.removed);
  }

  static InstanceView of(
      ComponentRuntime rt, Instance i, List<InstanceSlot.ArmedTimer> timers, boolean disposed) {
    return new InstanceView(
        i.id(),
        rt.name(),
        i.machine().name(),
        i.state(),
        i.status().jsonName(),
        i.data(),
        i.publicMember(),
        i.context(),
        pending(rt, i, timers),
        i.createdAt(),
        i.updatedAt(),
        i.parentId(),
        i.parentMachine(),
        i.isEntryPoint(),
        disposed || !i.isActive());
  }

  private static List<PendingTimeout> pending(
      ComponentRuntime rt, Instance i, List<InstanceSlot.ArmedTimer> timers) {
    if (timers == null || timers.isEmpty()) {
      return List.of();
    }
    long now = rt.now();
    List<PendingTimeout> out = new ArrayList<>(timers.size());
    for (InstanceSlot.ArmedTimer a : timers) {
      Transition t = i.machine().transitions().get(a.transitionIndex());
      out.add(
          new PendingTimeout(
              t.event(), t.to(), t.delayMs(), Math.max(0, a.dueAt() - now), t.type().yamlName()));
    }
    return out;
  }
}
