package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.routing.Paths;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker side of one component runtime: publishes what crosses components and acts on the
 * messages addressed to this component. A malformed or misaddressed message is logged and dropped;
 * it never fails the runtime.
 */
final class ComponentMessaging {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentMessaging.class);
  private final ComponentRuntime rt;
  private final MessageBroker broker;
  private final List<MessageBroker.Subscription> subscriptions = new ArrayList<>();

  ComponentMessaging(ComponentRuntime rt, MessageBroker broker) {
    this.rt = rt;
    this.broker = broker;
  }

  Future<Void> start() {
    return Future.all(
            List.of(
                subscribe(Channels.CREATE_INSTANCE, this::onCreate),
                subscribe(Channels.CROSS_COMPONENT_EVENT, this::onSignal),
                subscribe(Channels.TRIGGER_EVENT, this::onTrigger),
                subscribe(Channels.component(rt.name()), this::onComponentMessage)))
        .mapEmpty();
  }

  Future<Void> stop() {
    List<Future<Void>> cancels = new ArrayList<>();
    subscriptions.forEach(s -> cancels.add(s.cancel()));
    return Future.join(cancels).mapEmpty();
  }

  private Future<Void> subscribe(String channel, java.util.function.Consumer<Map<String, Object>> handler) {
    return broker
        .subscribe(
            channel,
            m -> {
              try {
                handler.accept(m);
              } catch (RuntimeException e) {
                LOG.warn("component {}: message on {} dropped: {}", rt.name(), channel, e.getMessage());
              }
            })
        .onSuccess(subscriptions::add)
        .mapEmpty();
  }

  // ---- outgoing ------------------------------------------------------------------------------

  void publishCreate(
      String component,
      String machine,
      String instanceId,
      Map<String, Object> data,
      String sourceId,
      String causationId,
      String correlationId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", component);
    m.put("machineName", machine);
    if (instanceId != null) {
      m.put("instanceId", instanceId);
    }
    m.put("context", data);
    m.put("sourceComponent", rt.name());
    m.put("sourceInstanceId", sourceId);
    putCausality(m, causationId, correlationId);
    m.put("timestamp", rt.now());
    publish(Channels.CREATE_INSTANCE, m);
  }

  void publishSignal(Effect.SignalComponent s, String sourceId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("targetComponent", s.targetComponent());
    m.put("targetMachine", s.targetMachine());
    m.put("event", Reports.event(s.event()));
    m.put("matchingRules", rules(s.rules(), "eventProperty"));
    m.put("sourceComponent", rt.name());
    m.put("sourceInstanceId", sourceId);
    putCausality(m, s.event().causationId(), s.event().correlationId());
    m.put("timestamp", rt.now());
    publish(Channels.CROSS_COMPONENT_EVENT, m);
  }

  void publishTrigger(String component, String instanceId, Event event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", component);
    m.put("instanceId", instanceId);
    m.put("event", Reports.event(new Event(event.type(), event.payload(), event.timestamp(), rt.name())));
    m.put("sourceComponent", rt.name());
    putCausality(m, event.causationId(), event.correlationId());
    publish(Channels.TRIGGER_EVENT, m);
  }

  void publishCascade(CascadingRule rule, Event event, List<Effect.ResolvedRule> filters, String sourceId) {
    Map<String, Object> m = componentMessage(rule.targetComponent(), rule.targetMachine(), rule.targetState(), event);
    m.put("kind", "cascade");
    m.put("filters", rules(filters, "property"));
    m.put("sourceInstanceId", sourceId);
    putCausality(m, event.causationId(), event.correlationId());
    publish(Channels.component(rule.targetComponent()), m);
  }

  void publishBroadcast(String component, String machine, String state, Event event) {
    Map<String, Object> m = componentMessage(component, machine, state, event);
    m.put("kind", "broadcast");
    publish(Channels.component(component), m);
  }

  private Map<String, Object> componentMessage(String component, String machine, String state, Event event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sourceComponent", rt.name());
    m.put("targetComponent", component);
    m.put("targetMachine", machine);
    m.put("targetState", state == null ? "*" : state);
    m.put("event", event.type());
    m.put("payload", event.payload());
    m.put("timestamp", rt.now());
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

  private void publish(String channel, Map<String, Object> message) {
    broker.publish(channel, message)
        .onFailure(e -> LOG.warn("component {}: publish on {} failed: {}", rt.name(), channel, e.getMessage()));
  }

  // ---- incoming ------------------------------------------------------------------------------

  private void onCreate(Map<String, Object> m) {
    if (!rt.name().equals(m.get("componentName"))) {
      return;
    }
    String machineName = string(m, "machineName");
    if (machineName == null) {
      machineName = rt.component().entryMachine();
    }
    StateMachine machine = machineName == null ? null : rt.component().machine(machineName);
    if (machine == null) {
      LOG.warn("component {}: create_instance for unknown machine {} dropped", rt.name(), machineName);
      return;
    }
    String id = string(m, "instanceId");
    if (id != null && (id.length() > 255 || rt.slot(id) != null)) {
      id = null;
    }
    rt.create(machine, id, map(m.get("context")), "cross_component from " + string(m, "sourceComponent"),
            string(m, "causationId"), string(m, "correlationId"))
        .onFailure(e -> LOG.warn("component {}: create_instance failed: {}", rt.name(), e.getMessage()));
  }

  private void onSignal(Map<String, Object> m) {
    if (!rt.name().equals(m.get("targetComponent"))) {
      return;
    }
    StateMachine machine = rt.component().machine(string(m, "targetMachine"));
    List<Effect.ResolvedRule> rules = resolved(m.get("matchingRules"), "instanceProperty");
    Event event = withCausality(event(m.get("event"), string(m, "sourceComponent")), m);
    if (machine == null || rules.isEmpty() || event == null) {
      LOG.warn("component {}: cross_component_event without machine, rules or event dropped", rt.name());
      return;
    }
    rt.deliverMatching(machine, null, event, rules);
  }

  private void onTrigger(Map<String, Object> m) {
    Object component = m.get("componentName");
    if (component != null && !rt.name().equals(component)) {
      return;
    }
    String id = string(m, "instanceId");
    Event event = withCausality(event(m.get("event"), string(m, "sourceComponent")), m);
    if (id == null || event == null || rt.slot(id) == null) {
      return;
    }
    rt.deliverLater(id, event);
  }

  private void onComponentMessage(Map<String, Object> m) {
    StateMachine machine = rt.component().machine(string(m, "targetMachine"));
    String type = string(m, "event");
    if (machine == null || type == null) {
      LOG.warn("component {}: component message without known machine or event dropped", rt.name());
      return;
    }
    String state = string(m, "targetState");
    String filter = state == null || "*".equals(state) ? null : state;
    String source = string(m, "sourceComponent");
    Event event = withCausality(new Event(type, map(m.get("payload")), rt.now(), source), m);
    if (!"cascade".equals(m.get("kind"))) {
      // A broadcast from another component routes exactly like one made here.
      rt.broadcast(machine.name(), event, filter);
      return;
    }
    List<Effect.ResolvedRule> rules = resolved(m.get("filters"), "property");
    rt.deliverMatching(machine, filter, event, rules)
        .onSuccess(
            c -> rt.reports().crossComponentCascade(source, string(m, "sourceInstanceId"), machine.name(), filter, type, c.processed()));
  }

  private static List<Effect.ResolvedRule> resolved(Object raw, String instanceKey) {
    List<Effect.ResolvedRule> out = new ArrayList<>();
    if (!(raw instanceof List<?> list)) {
      return out;
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> r) || !(r.get(instanceKey) instanceof String path)) {
        continue;
      }
      Object ep = r.get("eventProperty");
      Operator op = r.get("operator") instanceof String s ? Operator.fromSymbol(s).orElse(Operator.EQ) : Operator.EQ;
      MatchingRule rule = new MatchingRule(ep instanceof String e ? e : path, path, op);
      out.add(new Effect.ResolvedRule(rule, r.containsKey("value") ? r.get("value") : Paths.MISSING));
    }
    return out;
  }

  private static Event withCausality(Event e, Map<String, Object> m) {
    if (e == null) {
      return null;
    }
    String cause = string(m, "causationId");
    String flow = string(m, "correlationId");
    return cause == null && flow == null ? e : e.causedBy(cause, flow);
  }

  private static Event event(Object raw, String source) {
    if (!(raw instanceof Map<?, ?> e) || !(e.get("type") instanceof String type)) {
      return null;
    }
    long ts = e.get("timestamp") instanceof Number n ? n.longValue() : System.currentTimeMillis();
    return new Event(type, map(e.get("payload")), ts, source);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object raw) {
    return raw instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String string(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s ? s : null;
  }
}
