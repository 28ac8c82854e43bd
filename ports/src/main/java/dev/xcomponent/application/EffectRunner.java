package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceCreated;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.RuntimeFailure;
import java.util.Map;

/**
 * Carries out what a recorded transition asks for, on the source instance's partition. Messages to
 * instances are scheduled after the current transition (never inline, so nothing re-enters it);
 * child instances are created at once on the same partition, so they exist before anything sent
 * to them; messages to other components go through the broker, exactly as they were recorded with
 * the transition's event ({@link CrossComponentMessages}).
 */
final class EffectRunner {
  private final ComponentRuntime rt;
  private final ComponentMessaging messaging;
  private final Partition partition;
  private final Map<Object, OutboxMessage> messages;

  EffectRunner(ComponentRuntime rt, ComponentMessaging messaging, Partition partition, Map<Object, OutboxMessage> messages) {
    this.rt = rt;
    this.messaging = messaging;
    this.partition = partition;
    this.messages = messages;
  }

  /** Relays the recorded message asked for by {@code cause} (an effect or a hook message). */
  private void relay(Object cause) {
    OutboxMessage m = messages.get(cause);
    if (m == null) {
      throw new IllegalStateException("no message was recorded for " + cause);
    }
    messaging.relay(m);
  }

  void run(Transitioned tr, Effect effect, Map<Object, InstanceCreated> creations) {
    Instance source = tr.after();
    if (effect instanceof Effect.NotifyParent n) {
      rt.deliverLater(n.parentId(), n.event());
    } else if (effect instanceof Effect.CreateChild c) {
      createChild(source, c, creations.get(effect));
    } else if (effect instanceof Effect.CreateInComponent c) {
      rt.reports().crossComponent(source, c.targetComponent(), c.targetMachine(), null, c.data(), null);
      relay(effect);
    } else if (effect instanceof Effect.SignalComponent s) {
      rt.reports().crossComponent(source, s.targetComponent(), s.targetMachine(), s.event().type(), s.event().payload(), null);
      relay(effect);
    } else if (effect instanceof Effect.DroppedSignal d) {
      rt.reports().crossComponent(source, d.targetComponent(), d.targetMachine(), d.targetEvent(), Map.of(), d.reason());
    } else if (effect instanceof Effect.Cascade c) {
      cascade(source, c, effect);
    }
  }

  private void createChild(Instance source, Effect.CreateChild c, InstanceCreated prepared) {
    if (prepared == null) {
      rt.reports().messageError(source.id(), Event.of("INSTANCE_CREATED", Map.of(), rt.now()),
          "inter_machine target machine " + c.machine() + " not found in component " + rt.name());
      return;
    }
    partition.insert(prepared);
    rt.reports().interMachine(source.id(), prepared.instanceId(), c.machine());
  }

  private void cascade(Instance source, Effect.Cascade c, Effect effect) {
    CascadingRule rule = c.rule();
    if (rule.targetComponent() != null && !rule.targetComponent().equals(rt.name())) {
      relay(effect);
      return;
    }
    StateMachine machine = rt.component().machine(rule.targetMachine());
    if (machine == null) {
      rt.reports().cascadeError(source.id(), rule.targetMachine(),
          "Machine " + rule.targetMachine() + " not found");
      return;
    }
    rt.deliverMatching(machine, rule.targetState(), c.event(), c.filters())
        .onSuccess(n -> rt.reports().cascadeCompleted(source.id(), rule.targetMachine(), rule.targetState(), rule.event(), n.processed()))
        .onFailure(e -> rt.reports().cascadeError(source.id(), rule.targetMachine(), HookRun.describe(e)));
  }

  /** Releases what the hooks of a recorded transition sent, in order. */
  void release(InstanceSlot slot, Outbound outbound, Map<Object, InstanceCreated> creations) {
    String self = slot.instance.id();
    for (Outbound.Action a : outbound.actions()) {
      if (a instanceof Outbound.ToSelf s) {
        if (s.delayMs() <= 0) {
          rt.deliverLater(self, s.event());
        } else {
          rt.vertx().setTimer(s.delayMs(), id -> rt.deliverLater(self, s.event()));
        }
      } else if (a instanceof Outbound.ToInstance t) {
        rt.deliverLater(t.instanceId(), t.event());
      } else if (a instanceof Outbound.ToComponent t) {
        if (t.component().equals(rt.name())) {
          rt.deliverLater(t.instanceId(), t.event());
        } else {
          relay(a);
        }
      } else if (a instanceof Outbound.Broadcast b) {
        ContextHops.later(partition.context(), () -> rt.broadcast(b.machine(), b.event(), b.state()))
            .map(dev.xcomponent.port.BroadcastResult::processed)
            .onComplete(b.result());
      } else if (a instanceof Outbound.BroadcastToComponent b) {
        if (b.component().equals(rt.name())) {
          ContextHops.later(partition.context(), () -> rt.broadcast(b.machine(), b.event(), b.state()));
        } else {
          relay(a);
        }
      } else if (a instanceof Outbound.Create c) {
        createFromHook(slot, c.machine(), creations.get(a));
      } else if (a instanceof Outbound.CreateInComponent c) {
        if (c.component().equals(rt.name())) {
          createFromHook(slot, c.machine(), creations.get(a));
        } else {
          relay(a);
        }
      }
    }
  }

  private void createFromHook(InstanceSlot creator, String machineName, InstanceCreated prepared) {
    if (prepared == null) {
      rt.reports().messageError(creator.instance.id(), Event.of("INSTANCE_CREATED", Map.of(), rt.now()),
          RuntimeFailure.machineNotFound(machineName).getMessage());
      return;
    }
    partition.insert(prepared);
  }
}
