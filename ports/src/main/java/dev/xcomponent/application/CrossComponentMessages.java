package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.routing.Paths;
import dev.xcomponent.port.OutboxMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The broker messages one transition sends to other components, built when the transition is
 * prepared so that they are recorded with its event (the store's outbox) and relayed exactly as
 * recorded. Shapes and channels are those of SPEC §c.2.
 *
 * <p>Rules: a message id is derived from the event id and the message's rank in the transition
 * (hook messages first, in the order sent, then the transition's effects), so the same transition
 * always names its messages alike. Messages to this very component never go through the broker.
 */
final class CrossComponentMessages {
  private final String component;
  private final LongSupplier clock;

  CrossComponentMessages(String component, LongSupplier clock) {
    this.component = component;
    this.clock = clock;
  }

  /**
   * The messages of a prepared transition, keyed (by identity) by the hook action or effect that
   * asks for each; empty when it sends none.
   */
  Map<Object, OutboxMessage> of(Transitioned tr, Outbound outbound) {
    Map<Object, OutboxMessage> out = Map.of();
    String eventId = tr.recorded().eventId();
    String self = tr.after().id();
    String correlation = tr.after().correlationId();
    if (outbound != null) {
      for (Outbound.Action a : outbound.actions()) {
        Built b = fromHook(a, self, eventId, correlation);
        if (b != null) {
          out = put(out, a, eventId, b);
        }
      }
    }
    for (Effect e : tr.effects()) {
      Built b = fromEffect(e, self);
      if (b != null) {
        out = put(out, e, eventId, b);
      }
    }
    return out;
  }

  private record Built(String channel, Map<String, Object> message) {}

  private Map<Object, OutboxMessage> put(Map<Object, OutboxMessage> out, Object key, String eventId, Built b) {
    Map<Object, OutboxMessage> m = out.isEmpty() ? new IdentityHashMap<>() : out;
    b.message().put("messageId", MessageKeys.outgoing(eventId, m.size() + 1));
    m.put(key, OutboxMessage.of(eventId, component, b.channel(), b.message()));
    return m;
  }

  private Built fromHook(Outbound.Action a, String self, String eventId, String correlation) {
    if (a instanceof Outbound.ToComponent t && !t.component().equals(component)) {
      return trigger(t.component(), t.instanceId(), t.event());
    }
    if (a instanceof Outbound.BroadcastToComponent b && !b.component().equals(component)) {
      Map<String, Object> m = componentMessage(b.component(), b.machine(), b.state(), b.event());
      m.put("kind", "broadcast");
      return new Built(Channels.component(b.component()), m);
    }
    if (a instanceof Outbound.CreateInComponent c && !c.component().equals(component)) {
      return create(c.component(), c.machine(), c.instanceId(), c.data(), self, eventId, correlation);
    }
    return null;
  }

  private Built fromEffect(Effect e, String self) {
    if (e instanceof Effect.CreateInComponent c) {
      return create(c.targetComponent(), c.targetMachine(), null, c.data(), self, c.causationId(), c.correlationId());
    }
    if (e instanceof Effect.SignalComponent s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("targetComponent", s.targetComponent());
      m.put("targetMachine", s.targetMachine());
      m.put("event", Reports.event(s.event()));
      m.put("matchingRules", rules(s.rules(), "eventProperty"));
      m.put("sourceComponent", component);
      m.put("sourceInstanceId", self);
      putCausality(m, s.event().causationId(), s.event().correlationId());
      m.put("timestamp", clock.getAsLong());
      return new Built(Channels.CROSS_COMPONENT_EVENT, m);
    }
    if (e instanceof Effect.Cascade c && c.rule().targetComponent() != null
        && !c.rule().targetComponent().equals(component)) {
      CascadingRule rule = c.rule();
      Map<String, Object> m = componentMessage(rule.targetComponent(), rule.targetMachine(), rule.targetState(), c.event());
      m.put("kind", "cascade");
      m.put("filters", rules(c.filters(), "property"));
      m.put("sourceInstanceId", self);
      putCausality(m, c.event().causationId(), c.event().correlationId());
      return new Built(Channels.component(rule.targetComponent()), m);
    }
    return null;
  }

  private Built create(String target, String machine, String instanceId, Map<String, Object> data, String sourceId,
      String causationId, String correlationId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", target);
    m.put("machineName", machine);
    if (instanceId != null) {
      m.put("instanceId", instanceId);
    }
    m.put("context", data);
    m.put("sourceComponent", component);
    m.put("sourceInstanceId", sourceId);
    putCausality(m, causationId, correlationId);
    m.put("timestamp", clock.getAsLong());
    return new Built(Channels.CREATE_INSTANCE, m);
  }

  private Built trigger(String target, String instanceId, Event event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", target);
    m.put("instanceId", instanceId);
    m.put("event", Reports.event(new Event(event.type(), event.payload(), event.timestamp(), component)));
    m.put("sourceComponent", component);
    putCausality(m, event.causationId(), event.correlationId());
    return new Built(Channels.TRIGGER_EVENT, m);
  }

  private Map<String, Object> componentMessage(String target, String machine, String state, Event event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sourceComponent", component);
    m.put("targetComponent", target);
    m.put("targetMachine", machine);
    m.put("targetState", state == null ? "*" : state);
    m.put("event", event.type());
    m.put("payload", event.payload());
    m.put("timestamp", clock.getAsLong());
    return m;
  }

  private static void putCausality(Map<String, Object> m, String causationId, String correlationId) {
    if (causationId != null) {
      m.put("causationId", causationId);
    }
    if (correlationId != null) {
      m.put("correlationId", correlationId);
    }
  }

  private static List<Object> rules(List<Effect.ResolvedRule> rules, String propertyKey) {
    List<Object> out = new ArrayList<>(rules.size());
    for (Effect.ResolvedRule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (propertyKey.equals("eventProperty")) {
        m.put("eventProperty", r.rule().eventProperty());
        m.put("instanceProperty", r.rule().instanceProperty());
      } else {
        m.put("property", r.rule().instanceProperty());
      }
      m.put("operator", r.rule().operator().symbol());
      if (r.value() != Paths.MISSING) {
        m.put("value", r.value());
      }
      out.add(m);
    }
    return out;
  }
}
