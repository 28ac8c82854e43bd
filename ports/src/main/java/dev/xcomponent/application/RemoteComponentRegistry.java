package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.validation.ComponentReader;
import dev.xcomponent.domain.validation.ReadResult;
import dev.xcomponent.port.AuditTrail;
import dev.xcomponent.port.AvailableTransition;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.CorrelatedEvents;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.RuntimeEventListener;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.RuntimeInfo;
import dev.xcomponent.port.SnapshotStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driving port as a dashboard process serves it: the components are those that runtimes
 * announced over the broker, the instances are what their notifications and query answers said,
 * and creations, events and broadcasts travel as commands (SPEC §c.2).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A runtime is connected from its announcement until its shutdown message, or until it has
 *       not been heard of for {@code runtimeTimeoutMs}. A component is served while one of its
 *       runtimes is connected.
 *   <li>A command carries a fresh {@code messageId}; the caller's future completes with the
 *       runtime's answer on {@code fsm:responses:command}, or fails with {@code UNAVAILABLE} after
 *       {@code commandTimeoutMs} (on a broker that keeps messages the command is still delivered
 *       when the runtime comes back, exactly once).
 *   <li>The instance table is bounded ({@code maxInstances}; finished instances are forgotten
 *       first, and beyond the bound new instances are not listed); the history of an instance
 *       comes from the event store when one is configured, else from the state changes seen (the
 *       last {@link #HISTORY_PER_INSTANCE}).
 * </ul>
 */
public final class RemoteComponentRegistry implements ComponentRegistry {
  /** State changes remembered per instance when there is no event store. */
  public static final int HISTORY_PER_INSTANCE = 100;

  private static final Logger LOG = LoggerFactory.getLogger(RemoteComponentRegistry.class);
  private final Vertx vertx;
  private final MessageBroker broker;
  private final EventStore store;
  private final Settings settings;
  private final RuntimeEvents events = new RuntimeEvents();
  private final ConcurrentMap<String, Runtime> runtimes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Component> components = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, InstanceView> instances = new ConcurrentHashMap<>();
  /** The ids of {@link #instances} in listing order: newest first (creation time, then id). */
  private final ConcurrentSkipListMap<InstanceCursor, String> listingOrder =
      new ConcurrentSkipListMap<>(java.util.Comparator.reverseOrder());
  private final Map<String, List<HistoryEntry>> histories;
  private final ConcurrentMap<String, Promise<Map<String, Object>>> awaiting = new ConcurrentHashMap<>();
  private final List<MessageBroker.Subscription> subscriptions = new ArrayList<>();
  private long sweepTimer = -1;
  private MessageBroker.BrokerState lastBrokerState = MessageBroker.BrokerState.UP;

  /**
   * @param runtimeTimeoutMs silence after which a runtime is dropped
   * @param commandTimeoutMs wait for a runtime's answer to a command
   * @param maxInstances instances listed at most
   * @param host this dashboard's host name (for logs)
   */
  public record Settings(long runtimeTimeoutMs, long commandTimeoutMs, int maxInstances, String host) {
    public Settings {
      if (runtimeTimeoutMs < 100 || commandTimeoutMs < 10 || maxInstances < 1) {
        throw new IllegalArgumentException("timeouts and maxInstances must be positive");
      }
      Objects.requireNonNull(host, "host");
    }

    /** 90 s without a heartbeat (three missed ones), 10 s per command, 200,000 instances. */
    public static Settings defaults() {
      return new Settings(90_000, 10_000, 200_000, "localhost");
    }
  }

  private record Runtime(RuntimeInfo info, String componentName) {}

  private RemoteComponentRegistry(Vertx vertx, MessageBroker broker, EventStore store, Settings settings) {
    this.vertx = vertx;
    this.broker = broker;
    this.store = store;
    this.settings = settings;
    this.histories = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, List<HistoryEntry>> eldest) {
        return size() > 5_000;
      }
    });
  }

  /**
   * Listens to the runtimes, asks them to announce themselves and list their instances, and
   * completes once listening (runtimes answer afterwards).
   *
   * @param store the event store for history queries, or null
   */
  public static Future<RemoteComponentRegistry> start(
      Vertx vertx, MessageBroker broker, EventStore store, Settings settings) {
    RemoteComponentRegistry r = new RemoteComponentRegistry(vertx, broker, store, settings);
    List<Future<MessageBroker.Subscription>> subs = List.of(
        broker.subscribe(Channels.ANNOUNCE, r::onAnnounce),
        broker.subscribe(Channels.HEARTBEAT, r::onHeartbeat),
        broker.subscribe(Channels.SHUTDOWN, r::onShutdown),
        broker.subscribe(Channels.STATE_CHANGE, r::onStateChange),
        broker.subscribe(Channels.INSTANCE_CREATED, r::onCreated),
        broker.subscribe(Channels.INSTANCE_COMPLETED, r::onCompleted),
        broker.subscribe(Channels.INSTANCE_DISPOSED, r::onDisposed),
        broker.subscribe(Channels.QUERY_RESPONSES, r::onQueryAnswer),
        broker.subscribe(Channels.COMMAND_RESULTS, r::onCommandResult));
    return Future.all(subs)
        .onComplete(ar -> subs.forEach(f -> {
          if (f.succeeded()) {
            r.subscriptions.add(f.result());
          }
        }))
        .compose(v -> r.refresh())
        .map(v -> {
          r.sweepTimer = vertx.setPeriodic(Math.max(100, Math.min(1_000, settings.runtimeTimeoutMs() / 3)), t -> r.sweep());
          return r;
        });
  }

  /** Asks every runtime to announce itself and list its instances. */
  public Future<Void> refresh() {
    long now = System.currentTimeMillis();
    return Future.all(
            broker.publish(Channels.DISCOVER, Map.of("type", "discover", "timestamp", now)),
            broker.publish(Channels.QUERY_INSTANCES, Map.of("type", "query_all_instances", "timestamp", now)))
        .mapEmpty();
  }

  /** Stops listening. */
  public Future<Void> stop() {
    vertx.cancelTimer(sweepTimer);
    awaiting.values().forEach(p -> p.tryFail(new RuntimeFailure(ErrorCode.UNAVAILABLE, "dashboard stopping")));
    return Future.join(subscriptions.stream().map(MessageBroker.Subscription::cancel).toList()).mapEmpty();
  }

  // ---- what runtimes say -----------------------------------------------------------------------

  private void onAnnounce(Map<String, Object> m) {
    String runtimeId = string(m, "runtimeId");
    String name = string(m, "componentName");
    if (runtimeId == null || name == null || !(m.get("component") instanceof Map<?, ?> definition)) {
      LOG.warn("announcement without runtimeId, componentName or component ignored");
      return;
    }
    ReadResult read = ComponentReader.read(InstanceMessages.map(definition));
    if (read.hasErrors() || !name.equals(read.component().name())) {
      LOG.warn("runtime {} announced an unreadable component {}: {}", runtimeId, name, read.errors());
      return;
    }
    components.put(name, read.component());
    RuntimeInfo info = new RuntimeInfo(runtimeId, name, String.valueOf(m.getOrDefault("host", "")),
        (int) InstanceMessages.number(m.get("port")), System.currentTimeMillis());
    if (runtimes.put(runtimeId, new Runtime(info, name)) == null) {
      LOG.info("runtime {} of component {} connected", runtimeId, name);
      emit("runtime_connected", name, Map.of("runtimeId", runtimeId, "componentName", name));
      // A runtime that (re)started may hold restored instances this dashboard never heard of.
      broker.publish(Channels.QUERY_INSTANCES, Map.of("type", "query_all_instances", "timestamp", System.currentTimeMillis()))
          .onFailure(e -> LOG.debug("query after a new runtime failed: {}", e.getMessage()));
    }
  }

  private void onHeartbeat(Map<String, Object> m) {
    String runtimeId = string(m, "runtimeId");
    Runtime r = runtimeId == null ? null : runtimes.get(runtimeId);
    if (r == null) {
      // A runtime we have not heard announce (we started after it): ask it to.
      broker.publish(Channels.DISCOVER, Map.of("type", "discover", "timestamp", System.currentTimeMillis()));
      return;
    }
    RuntimeInfo i = r.info();
    runtimes.put(runtimeId, new Runtime(new RuntimeInfo(i.runtimeId(), i.componentName(), i.host(), i.port(),
        System.currentTimeMillis()), r.componentName()));
  }

  private void onShutdown(Map<String, Object> m) {
    String runtimeId = string(m, "runtimeId");
    if (runtimeId != null) {
      drop(runtimeId, "shut down");
    }
  }

  private void sweep() {
    MessageBroker.BrokerState state = broker.state();
    if (state == MessageBroker.BrokerState.UP && lastBrokerState != MessageBroker.BrokerState.UP) {
      // Notifications may have been lost while the broker was away: ask again.
      LOG.info("broker {} is back: asking the runtimes for their instances", broker.describe());
      refresh().onFailure(e -> LOG.warn("refresh after reconnection failed: {}", e.getMessage()));
    }
    lastBrokerState = state;
    long limit = System.currentTimeMillis() - settings.runtimeTimeoutMs();
    runtimes.forEach((id, r) -> {
      if (r.info().lastSeen() < limit) {
        drop(id, "silent for " + settings.runtimeTimeoutMs() + " ms");
      }
    });
  }

  private void drop(String runtimeId, String why) {
    Runtime r = runtimes.remove(runtimeId);
    if (r == null) {
      return;
    }
    LOG.info("runtime {} of component {} disconnected: {}", runtimeId, r.componentName(), why);
    if (runtimes.values().stream().noneMatch(x -> x.componentName().equals(r.componentName()))) {
      components.remove(r.componentName());
    }
    emit("runtime_disconnected", r.componentName(), Map.of("runtimeId", runtimeId, "componentName", r.componentName(), "reason", why));
  }

  private void onStateChange(Map<String, Object> m) {
    String component = string(m, "componentName");
    Map<String, Object> data = InstanceMessages.map(m.get("data"));
    InstanceView v = component == null ? null : InstanceMessages.view(component, InstanceMessages.map(data.get("instance")));
    if (v == null) {
      return;
    }
    remember(v);
    Map<String, Object> event = InstanceMessages.map(data.get("event"));
    List<HistoryEntry> h = histories.computeIfAbsent(v.id(), k -> new ArrayList<>());
    synchronized (h) {
      h.add(new HistoryEntry(string(data, "eventId"), h.size() + 1, v.id(), component, v.machineName(),
          string(event, "type"), InstanceMessages.map(event.get("payload")), string(data, "previousState"),
          string(data, "newState"), v.data(), string(m, "sourceComponent"), InstanceMessages.number(m.get("timestamp")),
          null, null));
      if (h.size() > HISTORY_PER_INSTANCE) {
        h.remove(0);
      }
    }
    emit("state_change", component, data);
  }

  private void onCreated(Map<String, Object> m) {
    String component = string(m, "componentName");
    Map<String, Object> data = InstanceMessages.map(m.get("data"));
    Map<String, Object> i = data.get("instance") instanceof Map<?, ?> ? InstanceMessages.map(data.get("instance"))
        : Map.of("id", String.valueOf(data.get("instanceId")), "machineName", String.valueOf(data.get("machineName")),
            "currentState", String.valueOf(data.get("currentState")), "context", InstanceMessages.map(data.get("context")));
    InstanceView v = component == null ? null : InstanceMessages.view(component, i);
    if (v != null) {
      remember(v);
      emit("instance_created", component, i);
    }
  }

  private void onCompleted(Map<String, Object> m) {
    String component = string(m, "componentName");
    Map<String, Object> data = InstanceMessages.map(m.get("data"));
    InstanceView v = component == null ? null : InstanceMessages.view(component, InstanceMessages.map(data.get("instance")));
    if (v != null) {
      remember(v);
    }
  }

  private void onDisposed(Map<String, Object> m) {
    String component = string(m, "componentName");
    Map<String, Object> data = InstanceMessages.map(m.get("data"));
    Map<String, Object> i = InstanceMessages.map(data.get("instance"));
    InstanceView v = component == null ? null : InstanceMessages.view(component, i);
    if (v != null) {
      remember(v);
      emit("instance_disposed", component, i);
    }
  }

  private void onQueryAnswer(Map<String, Object> m) {
    String component = string(m, "componentName");
    if (component == null || !(m.get("instances") instanceof List<?> list)) {
      return;
    }
    for (Object o : list) {
      if (o instanceof Map<?, ?> i) {
        InstanceView v = InstanceMessages.view(component, i);
        if (v != null) {
          remember(v);
        }
      }
    }
  }

  private void onCommandResult(Map<String, Object> m) {
    String id = string(m, "messageId");
    Promise<Map<String, Object>> p = id == null ? null : awaiting.remove(id);
    if (p != null) {
      p.tryComplete(m);
    }
  }

  private void remember(InstanceView v) {
    if (!instances.containsKey(v.id()) && instances.size() >= settings.maxInstances()) {
      for (InstanceView old : instances.values()) {
        if (old.finished() && instances.remove(old.id(), old)) {
          listingOrder.remove(InstanceCursor.of(old), old.id());
        }
      }
      if (instances.size() >= settings.maxInstances()) {
        LOG.warn("instance table full ({}): instance {} not listed", settings.maxInstances(), v.id());
        return;
      }
    }
    instances.compute(v.id(), (id, old) -> {
      InstanceView kept = old == null || v.updatedAt() >= old.updatedAt() ? v : old;
      if (old != null && old.createdAt() != kept.createdAt()) {
        listingOrder.remove(InstanceCursor.of(old), id);
      }
      listingOrder.put(InstanceCursor.of(kept), id);
      return kept;
    });
  }

  private void emit(String type, String component, Map<String, Object> payload) {
    if (events.active()) {
      events.emit(type, component, System.currentTimeMillis(), () -> payload);
    }
  }

  // ---- the driving port ------------------------------------------------------------------------

  @Override
  public List<Component> components() {
    List<Component> out = new ArrayList<>(components.values());
    out.sort(java.util.Comparator.comparing(Component::name));
    return out;
  }

  @Override
  public Optional<Component> component(String name) {
    return Optional.ofNullable(components.get(name));
  }

  @Override
  public List<RuntimeInfo> runtimes() {
    return runtimes.values().stream().map(Runtime::info)
        .sorted(java.util.Comparator.comparing(RuntimeInfo::componentName)).toList();
  }

  @Override
  public Future<InstanceView> createInstance(String component, String machine, Map<String, Object> data) {
    Component c = components.get(component);
    if (c == null) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(component));
    }
    String machineName = machine != null ? machine : c.entryMachine();
    if (machineName == null) {
      return Future.failedFuture(new RuntimeFailure(ErrorCode.INVALID_REQUEST,
          "machineName is required: component " + component + " has no entryMachine"));
    }
    if (c.machine(machineName) == null) {
      return Future.failedFuture(RuntimeFailure.machineNotFound(machineName));
    }
    String instanceId = UUID.randomUUID().toString();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", component);
    m.put("machineName", machineName);
    m.put("instanceId", instanceId);
    m.put("context", data == null ? Map.of() : data);
    m.put("sourceComponent", "dashboard");
    return command(Channels.CREATE_INSTANCE, m, "creating an instance of " + component + "." + machineName)
        .compose(r -> {
          InstanceView v = InstanceMessages.view(component, InstanceMessages.map(r.get("instance")));
          if (v == null) {
            return Future.failedFuture(failure(r));
          }
          remember(v);
          return Future.succeededFuture(v);
        });
  }

  @Override
  public Future<EventOutcome> sendEvent(String component, String instanceId, Event event) {
    InstanceView known = instances.get(instanceId);
    String target = component != null ? component : known != null ? known.componentName() : null;
    if (target == null) {
      return Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
    }
    if (!components.containsKey(target)) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(target));
    }
    if (known != null && known.finished() && known.componentName().equals(target)) {
      return Future.failedFuture(new RuntimeFailure(ErrorCode.INSTANCE_FINISHED,
          "Instance " + instanceId + " is not active (finished)"));
    }
    Map<String, Object> e = new LinkedHashMap<>(Reports.event(event));
    if (event.idempotencyKey() != null) {
      e.put("idempotencyKey", event.idempotencyKey());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("componentName", target);
    m.put("instanceId", instanceId);
    m.put("event", e);
    m.put("sourceComponent", "dashboard");
    return command(Channels.TRIGGER_EVENT, m, "sending " + event.type() + " to " + instanceId)
        .compose(r -> {
          if ("error".equals(r.get("outcome"))) {
            return Future.failedFuture(failure(r));
          }
          InstanceView v = InstanceMessages.view(target, InstanceMessages.map(r.get("instance")));
          if (v != null) {
            remember(v);
          } else {
            v = instances.get(instanceId);
          }
          boolean moved = "transitioned".equals(r.get("outcome"));
          return Future.succeededFuture(new EventOutcome(moved, string(r, "previousState"),
              string(r, "currentState"), v, moved ? null : string(r, "reason")));
        });
  }

  @Override
  public Future<BroadcastResult> broadcast(String component, String machine, Event event, String state) {
    Component c = components.get(component);
    if (c == null) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(component));
    }
    if (c.machine(machine) == null) {
      return Future.failedFuture(RuntimeFailure.machineNotFound(machine));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sourceComponent", "dashboard");
    m.put("targetComponent", component);
    m.put("targetMachine", machine);
    m.put("targetState", state == null ? "*" : state);
    m.put("event", event.type());
    m.put("payload", event.payload());
    m.put("kind", "broadcast");
    return command(Channels.component(component), m, "broadcasting " + event.type() + " to " + component)
        .map(r -> new BroadcastResult((int) InstanceMessages.number(r.get("matched")),
            (int) InstanceMessages.number(r.get("processed"))));
  }

  private Future<Map<String, Object>> command(String channel, Map<String, Object> m, String what) {
    String messageId = UUID.randomUUID().toString();
    m.put("messageId", messageId);
    m.put("timestamp", System.currentTimeMillis());
    Promise<Map<String, Object>> answer = Promise.promise();
    awaiting.put(messageId, answer);
    long timer = vertx.setTimer(settings.commandTimeoutMs(), t -> {
      if (awaiting.remove(messageId) != null) {
        answer.tryFail(new RuntimeFailure(ErrorCode.UNAVAILABLE, "no runtime answered within "
            + settings.commandTimeoutMs() + " ms while " + what
            + (broker.keepsMessagesForAbsentConsumers() ? "; the command stays queued for the component" : "")));
      }
    });
    broker.publish(channel, m).onFailure(e -> {
      if (awaiting.remove(messageId) != null) {
        answer.tryFail(new RuntimeFailure(ErrorCode.UNAVAILABLE, "the broker refused the command: " + e.getMessage()));
      }
    });
    return answer.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  private static RuntimeFailure failure(Map<String, Object> r) {
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(String.valueOf(r.getOrDefault("errorCode", "UNAVAILABLE")));
    } catch (IllegalArgumentException e) {
      code = ErrorCode.UNAVAILABLE;
    }
    return new RuntimeFailure(code, String.valueOf(r.getOrDefault("error", "the runtime refused the command")));
  }

  @Override
  public Optional<InstanceView> findInstance(String instanceId) {
    return Optional.ofNullable(instances.get(instanceId));
  }

  /** Walks the table in listing order from {@code q.after()}, and stops once the page is full. */
  @Override
  public List<InstanceView> listInstances(InstanceQuery q) {
    List<InstanceView> out = new ArrayList<>(Math.min(q.limit(), 1_000));
    var from = q.after() == null ? listingOrder : listingOrder.tailMap(q.after(), false);
    for (Map.Entry<InstanceCursor, String> e : from.entrySet()) {
      InstanceView v = instances.get(e.getValue());
      if (v != null
          && v.createdAt() == e.getKey().createdAt()
          && (q.component() == null || q.component().equals(v.componentName()))
          && q.matches(v.machineName(), v.currentState(), v.status())) {
        out.add(v);
        if (out.size() >= q.limit()) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public List<AvailableTransition> availableTransitions(String instanceId) {
    InstanceView v = instances.get(instanceId);
    if (v == null) {
      throw RuntimeFailure.instanceNotFound(instanceId);
    }
    Component c = components.get(v.componentName());
    StateMachine m = c == null ? null : c.machine(v.machineName());
    return m == null ? List.of() : LocalComponentRegistry.availableFrom(m, v.currentState(), !v.finished());
  }

  @Override
  public Future<List<HistoryEntry>> history(String instanceId) {
    if (store != null) {
      return StoreHistory.events(store, instanceId);
    }
    List<HistoryEntry> h = histories.get(instanceId);
    if (h == null) {
      return instances.containsKey(instanceId) ? Future.succeededFuture(List.of())
          : Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
    }
    synchronized (h) {
      return Future.succeededFuture(List.copyOf(h));
    }
  }

  @Override
  public Future<AuditTrail> auditTrail(String instanceId) {
    if (store == null) {
      return history(instanceId).map(h -> new AuditTrail(instanceId, null, h, false));
    }
    return StoreHistory.auditTrail(store, instanceId, history(instanceId));
  }

  @Override
  public Future<CorrelatedEvents> correlated(String instanceId, int limit) {
    return auditTrail(instanceId).compose(trail -> {
      String flow = StoreHistory.flowOf(trail);
      if (flow == null || store == null) {
        return Future.succeededFuture(new CorrelatedEvents(flow == null ? instanceId : flow, trail.events(), false));
      }
      return StoreHistory.correlated(store, flow, limit);
    });
  }

  /** Asks the event store given at start; without one, fails with {@link RuntimeFailure#noEventStore()}. */
  @Override
  public Future<List<dev.xcomponent.port.InstanceSnapshot>> searchHistory(dev.xcomponent.port.SnapshotSearch query) {
    return store instanceof SnapshotStore
        ? StoreHistory.search(store, query, hit -> instances.get(hit.instanceId()))
        : Future.failedFuture(RuntimeFailure.noEventStore());
  }

  @Override
  public Map<String, Object> dependencies() {
    return Map.of("broker", broker.state().name(), "commandsAwaitingAnswer", awaiting.size());
  }

  @Override
  public void addListener(RuntimeEventListener listener) {
    events.add(listener);
  }

  private static String string(Map<?, ?> m, String key) {
    return m.get(key) instanceof String s ? s : null;
  }
}
