package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.routing.Paths;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.RuntimeFailure;
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
  private final RecentIds seen = new RecentIds(100_000);
  private final DeadLetters deadLetters = new DeadLetters(100);

  private final Relay relay;
  private final OutboxRelay outbox;
  private final CrossComponentMessages messages;
  private final LocalComponents local;
  private volatile boolean stopped;

  /**
   * @param local the components of this process, to which messages go directly; null to send
   *     everything through the broker
   */
  ComponentMessaging(ComponentRuntime rt, MessageBroker broker, LocalComponents local) {
    this.rt = rt;
    this.broker = broker;
    this.local = local;
    this.relay = new Relay(rt.vertx(), broker, 100_000);
    this.outbox = new OutboxRelay(rt.vertx(), rt.name(), rt.journal() == null ? null : rt.journal().store(), relay,
        this::direct);
    this.messages = new CrossComponentMessages(rt.name(), rt::now);
  }

  /** Outgoing messages waiting for the broker. */
  int waitingForBroker() {
    return relay.waiting();
  }

  Future<Void> start() {
    return broker
        .consume(
            Channels.group(rt.name()),
            List.of(Channels.CREATE_INSTANCE, Channels.CROSS_COMPONENT_EVENT, Channels.TRIGGER_EVENT,
                Channels.component(rt.name())),
            this::onDelivery)
        .onSuccess(subscriptions::add)
        .onSuccess(s -> {
          if (local != null && local.has(rt.name())) {
            local.started(rt.name(), this);
          }
          outbox.sweep();
        })
        .mapEmpty();
  }

  Future<Void> stop() {
    stopped = true;
    List<Future<Void>> cancels = new ArrayList<>();
    cancels.add(outbox.stop());
    subscriptions.forEach(s -> cancels.add(s.cancel()));
    return Future.join(cancels).mapEmpty();
  }

  /** The messages this component could not act on, for {@code /health}. */
  DeadLetters deadLetters() {
    return deadLetters;
  }

  /**
   * Acts on one command delivered to this component's group. The message is acknowledged when the
   * returned future succeeds: once acted on, once recognised as a duplicate (same {@code
   * messageId}), or once given up (malformed, or failed {@link DeadLetters#MAX_ATTEMPTS} times:
   * then it goes to the dead letters). A failure that may pass (store away, queue full) fails the
   * future so that the broker delivers the message again.
   */
  private Future<Void> onDelivery(MessageBroker.Delivery d) {
    return act(d.channel(), d.message(), true);
  }

  /**
   * Acts on a message from a component of this process, handed over without the broker (see
   * {@link LocalComponents}). Completes once acted on (or recognised, or dead-lettered); a failure
   * that may pass is retried here with capped backoff, as a broker would deliver it again.
   */
  Future<Void> deliverLocally(String channel, Map<String, Object> m, int attempt) {
    if (stopped) {
      return Future.failedFuture("component " + rt.name() + " is stopping");
    }
    return act(channel, m, false).recover(e -> {
      if (stopped) {
        return Future.failedFuture(e);
      }
      io.vertx.core.Promise<Void> later = io.vertx.core.Promise.promise();
      rt.vertx().setTimer(Math.min(5_000, 100L << Math.min(attempt, 6)), t -> later.complete());
      return later.future().compose(v -> deliverLocally(channel, m, attempt + 1));
    });
  }

  /** Hands a message to a component of this process, or returns null when the target is not one. */
  private Future<Void> direct(String channel, Map<String, Object> message) {
    String target = LocalComponents.target(channel, message);
    if (local == null || !local.has(target)) {
      return null;
    }
    return local.ready(target).compose(t -> t.deliverLocally(channel, message, 0));
  }

  /**
   * Acts on one message, from the broker or from this process. {@code answer}: whether to tell a
   * waiting sender the outcome on {@link Channels#COMMAND_RESULTS} (a component of this process
   * waits for nothing).
   */
  private Future<Void> act(String channel, Map<String, Object> m, boolean answer) {
    String messageId = string(m, "messageId");
    if (messageId != null && seen.contains(messageId)) {
      return Future.succeededFuture();
    }
    Future<Void> handled;
    try {
      handled = switch (channel) {
        case Channels.CREATE_INSTANCE -> onCreate(m, answer);
        case Channels.CROSS_COMPONENT_EVENT -> onSignal(m);
        case Channels.TRIGGER_EVENT -> onTrigger(m, answer);
        default -> onComponentMessage(m, answer);
      };
    } catch (RuntimeException e) {
      handled = Future.failedFuture(new Malformed(e.getMessage()));
    }
    return handled.transform(ar -> {
      if (ar.succeeded()) {
        if (messageId != null) {
          seen.add(messageId);
        }
        return Future.succeededFuture();
      }
      Throwable cause = ar.cause();
      if (cause instanceof Malformed || deadLetters.attemptFailed(messageId, channel)) {
        if (messageId != null) {
          seen.add(messageId); // a copy delivered later is not dead-lettered twice
        }
        deadLetters.add(channel, m, cause.getMessage());
        publish(Channels.deadLetter(rt.name()),
            Map.of("componentName", rt.name(), "channel", channel, "message", m,
                "error", String.valueOf(cause.getMessage()), "timestamp", rt.now()));
        return Future.succeededFuture();
      }
      return Future.failedFuture(cause);
    });
  }

  /** A message this runtime can never act on: retrying it cannot help. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  // ---- outgoing ------------------------------------------------------------------------------

  /** The builder of the messages transitions send to other components. */
  CrossComponentMessages messages() {
    return messages;
  }

  /** Sends a message a committed transition recorded (see {@link OutboxRelay}). */
  void relay(OutboxMessage m) {
    outbox.send(m);
  }

  private void publish(String channel, Map<String, Object> message) {
    if (!message.containsKey("messageId") && !channel.equals(Channels.COMMAND_RESULTS)) {
      message = new LinkedHashMap<>(message);
      message.put("messageId", java.util.UUID.randomUUID().toString());
    }
    relay.send(channel, message).onFailure(e -> LOG.error("{}", e.getMessage()));
  }

  // ---- incoming ------------------------------------------------------------------------------

  private Future<Void> onCreate(Map<String, Object> m, boolean answer) {
    if (!rt.name().equals(m.get("componentName"))) {
      return Future.succeededFuture();
    }
    String machineName = string(m, "machineName");
    if (machineName == null) {
      machineName = rt.component().entryMachine();
    }
    StateMachine machine = machineName == null ? null : rt.component().machine(machineName);
    if (machine == null) {
      throw new Malformed("create_instance for unknown machine " + machineName);
    }
    String messageId = string(m, "messageId");
    String id = string(m, "instanceId");
    if (id != null && id.length() > 255) {
      throw new Malformed("create_instance with an instance id longer than 255 characters");
    }
    if (id == null && messageId != null) {
      // The same message always asks for the same instance, so a redelivery cannot create twice.
      id = MessageKeys.createdInstance(messageId);
    }
    if (id != null && rt.slot(id) != null) {
      respond(answer, m, "duplicate", id, null, null, null);
      return Future.succeededFuture();
    }
    String instanceId = id;
    return rt.create(machine, id, map(m.get("context")), "cross_component from " + string(m, "sourceComponent"),
            string(m, "causationId"), string(m, "correlationId"))
        .onSuccess(i -> respond(answer, m, "created", i.id(), null, i.state(), null))
        .onFailure(e -> {
          if (instanceId != null && rt.slot(instanceId) != null) {
            respond(answer, m, "duplicate", instanceId, null, null, null);
          }
        })
        .recover(e -> instanceId != null && rt.slot(instanceId) != null ? Future.succeededFuture() : Future.failedFuture(e))
        .mapEmpty();
  }

  private Future<Void> onSignal(Map<String, Object> m) {
    if (!rt.name().equals(m.get("targetComponent"))) {
      return Future.succeededFuture();
    }
    StateMachine machine = rt.component().machine(string(m, "targetMachine"));
    List<Effect.ResolvedRule> rules = resolved(m.get("matchingRules"), "instanceProperty");
    Event event = withCausality(event(m.get("event"), string(m, "sourceComponent")), m);
    if (machine == null || rules.isEmpty() || event == null) {
      throw new Malformed("cross_component_event without a known machine, matching rules or event");
    }
    return rt.deliverMatching(machine, null, event, rules, string(m, "messageId")).mapEmpty();
  }

  private Future<Void> onTrigger(Map<String, Object> m, boolean answer) {
    Object component = m.get("componentName");
    if (component != null && !rt.name().equals(component)) {
      return Future.succeededFuture();
    }
    String id = string(m, "instanceId");
    Event event = withCausality(event(m.get("event"), string(m, "sourceComponent")), m);
    if (id == null || event == null) {
      throw new Malformed("trigger_event without instanceId or event type");
    }
    InstanceSlot slot = rt.slot(id);
    if (slot == null) {
      if (component != null) {
        respond(answer, m, "error", id, null, null, "Instance " + id + " not found in component " + rt.name());
      }
      return Future.succeededFuture();
    }
    String messageId = string(m, "messageId");
    Event keyed = messageId == null || event.idempotencyKey() != null ? event : event.withIdempotencyKey(MessageKeys.trigger(messageId));
    return rt.send(slot, keyed)
        .onSuccess(p -> respond(answer, m, p.transitioned() ? "transitioned" : "ignored", id, p.before().state(), p.after().state(), p.reason()))
        .onFailure(e -> {
          if (e instanceof RuntimeFailure f && !f.code().retryable()) {
            respond(answer, m, "error", id, null, null, e.getMessage(), f.code(), null);
          }
        })
        .recover(e -> e instanceof RuntimeFailure f && !f.code().retryable()
            ? Future.succeededFuture() : Future.failedFuture(e))
        .mapEmpty();
  }

  private Future<Void> onComponentMessage(Map<String, Object> m, boolean answer) {
    StateMachine machine = rt.component().machine(string(m, "targetMachine"));
    String type = string(m, "event");
    if (machine == null || type == null) {
      throw new Malformed("component message without a known machine or event");
    }
    String state = string(m, "targetState");
    String filter = state == null || "*".equals(state) ? null : state;
    String source = string(m, "sourceComponent");
    Event event = withCausality(new Event(type, map(m.get("payload")), rt.now(), source), m);
    if (!"cascade".equals(m.get("kind"))) {
      // A broadcast from another component routes exactly like one made here.
      return rt.broadcast(machine.name(), event, filter, string(m, "messageId"))
          .onSuccess(b -> respond(answer, m, "broadcast", null, null, null, null, null,
              Map.of("matched", b.matched(), "processed", b.processed())))
          .mapEmpty();
    }
    List<Effect.ResolvedRule> rules = resolved(m.get("filters"), "property");
    return rt.deliverMatching(machine, filter, event, rules, string(m, "messageId"))
        .onSuccess(
            c -> rt.reports().crossComponentCascade(source, string(m, "sourceInstanceId"), machine.name(), filter, type, c.processed()))
        .mapEmpty();
  }

  /**
   * Tells whoever sent a command with a {@code messageId} what became of it, on {@link
   * Channels#COMMAND_RESULTS} (a dashboard waits for it to answer its HTTP caller).
   */
  private void respond(boolean answer, Map<String, Object> m, String outcome, String instanceId, String previousState,
      String currentState, String error) {
    respond(answer, m, outcome, instanceId, previousState, currentState, error, error == null ? null : ErrorCode.INSTANCE_NOT_FOUND, null);
  }

  private void respond(boolean answer, Map<String, Object> m, String outcome, String instanceId, String previousState,
      String currentState, String error, ErrorCode code, Map<String, Object> extra) {
    String messageId = string(m, "messageId");
    if (messageId == null || !answer) {
      return;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("messageId", messageId);
    r.put("runtimeId", rt.runtimeId());
    r.put("componentName", rt.name());
    r.put("outcome", outcome);
    r.put("instanceId", instanceId);
    if (previousState != null) {
      r.put("previousState", previousState);
    }
    if (currentState != null) {
      r.put("currentState", currentState);
    }
    InstanceSlot slot = instanceId == null ? null : rt.slot(instanceId);
    if (slot != null) {
      r.put("instance", Reports.instance(slot.instance));
    }
    if (error != null) {
      r.put("error", error);
      r.put("errorCode", code.name());
    }
    if (extra != null) {
      r.putAll(extra);
    }
    r.put("timestamp", rt.now());
    publish(Channels.COMMAND_RESULTS, r);
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
    Event event = new Event(type, map(e.get("payload")), ts, source);
    return e.get("idempotencyKey") instanceof String key && !key.isBlank() && key.length() <= 200
        ? event.withIdempotencyKey(key) : event;
  }

  private static Map<String, Object> map(Object raw) {
    return InstanceMessages.map(raw);
  }

  private static String string(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s ? s : null;
  }
}
