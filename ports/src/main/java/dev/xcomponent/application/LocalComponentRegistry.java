package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.port.AvailableTransition;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.RuntimeEventListener;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.RuntimeInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs several components in this process, one {@link ComponentRuntime} each, connected through a
 * message broker (the in-memory one in {@code serve}). Implements the driving port.
 */
public final class LocalComponentRegistry implements ComponentRegistry {
  private final Map<String, ComponentRuntime> runtimes;
  private final RuntimeEvents events;
  private final LongSupplier clock;
  private final String host;

  private MessageBroker broker;

  private LocalComponentRegistry(
      Map<String, ComponentRuntime> runtimes, RuntimeEvents events, LongSupplier clock, String host) {
    this.runtimes = runtimes;
    this.events = events;
    this.clock = clock;
    this.host = host;
  }

  /**
   * Starts one runtime per component, in order. Fails when two components share a name or a
   * runtime cannot start.
   */
  public static Future<LocalComponentRegistry> start(
      Vertx vertx,
      List<Component> components,
      HandlerRegistry handlers,
      MessageBroker broker,
      RuntimeSettings settings) {
    return start(vertx, components, handlers, broker, null, settings, System::currentTimeMillis, List.of());
  }

  /** As {@link #start(Vertx, List, HandlerRegistry, MessageBroker, RuntimeSettings)}, with a clock and listeners present from the first event. */
  public static Future<LocalComponentRegistry> start(
      Vertx vertx,
      List<Component> components,
      HandlerRegistry handlers,
      MessageBroker broker,
      RuntimeSettings settings,
      LongSupplier clock,
      List<RuntimeEventListener> listeners) {
    return start(vertx, components, handlers, broker, null, settings, clock, listeners);
  }

  /**
   * Starts the runtimes with an event store (which must also be a {@link
   * dev.xcomponent.port.SnapshotStore}), or none when {@code store} is null. With a store, every
   * transition is written before it is acknowledged, and each runtime first restores the
   * unfinished instances of its component.
   */
  public static Future<LocalComponentRegistry> start(
      Vertx vertx,
      List<Component> components,
      HandlerRegistry handlers,
      MessageBroker broker,
      dev.xcomponent.port.EventStore store,
      RuntimeSettings settings,
      LongSupplier clock,
      List<RuntimeEventListener> listeners) {
    if (store != null && !(store instanceof dev.xcomponent.port.SnapshotStore)) {
      return Future.failedFuture("the event store " + store.describe() + " keeps no snapshots");
    }
    Journal journal =
        store == null
            ? null
            : new Journal(store, settings.journalBatch(), settings.journalInFlight(), settings.journalWaiting(), settings.storeTimeoutMs());
    Map<String, ComponentRuntime> runtimes = new LinkedHashMap<>();
    RuntimeEvents events = new RuntimeEvents();
    listeners.forEach(events::add);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Component c : components) {
      if (!names.add(c.name())) {
        return Future.failedFuture("Component " + c.name() + " is already registered");
      }
    }
    LocalComponents local = new LocalComponents(names);
    Future<Void> chain = Future.succeededFuture();
    for (Component c : components) {
      chain =
          chain.compose(
              v ->
                  ComponentRuntime.start(vertx, c, handlers, broker, settings, events, clock, journal, local)
                      .map(
                          rt -> {
                            runtimes.put(c.name(), rt);
                            return null;
                          }));
    }
    LocalComponentRegistry registry = new LocalComponentRegistry(runtimes, events, clock, settings.host());
    registry.broker = broker;
    return chain.map(v -> registry);
  }

  /** Stops every runtime. */
  public Future<Void> stop() {
    List<Future<Void>> stops = new ArrayList<>();
    runtimes.values().forEach(rt -> stops.add(rt.stop()));
    return Future.join(stops).mapEmpty();
  }

  /** The runtime of a component, for embedding applications and benchmarks. */
  public Optional<ComponentRuntime> runtime(String component) {
    return Optional.ofNullable(runtimes.get(component));
  }

  @Override
  public List<Component> components() {
    List<Component> out = new ArrayList<>();
    runtimes.values().forEach(rt -> out.add(rt.component()));
    return out;
  }

  @Override
  public Optional<Component> component(String name) {
    ComponentRuntime rt = runtimes.get(name);
    return rt == null ? Optional.empty() : Optional.of(rt.component());
  }

  @Override
  public List<RuntimeInfo> runtimes() {
    long now = clock.getAsLong();
    List<RuntimeInfo> out = new ArrayList<>();
    runtimes.values().forEach(rt -> out.add(new RuntimeInfo(rt.runtimeId(), rt.name(), host, 0, now)));
    return out;
  }

  @Override
  public Future<InstanceView> createInstance(String component, String machine, Map<String, Object> data) {
    ComponentRuntime rt = runtimes.get(component);
    if (rt == null) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(component));
    }
    String machineName = machine != null ? machine : rt.component().entryMachine();
    if (machineName == null) {
      return Future.failedFuture(
          new RuntimeFailure(
              ErrorCode.INVALID_REQUEST,
              "machineName is required: component " + component + " has no entryMachine"));
    }
    StateMachine m = rt.component().machine(machineName);
    if (m == null) {
      return Future.failedFuture(RuntimeFailure.machineNotFound(machineName));
    }
    return rt.create(m, null, data == null ? Map.of() : data, "manual create")
        .map(
            i -> {
              InstanceSlot slot = rt.slot(i.id());
              return slot != null ? InstanceViews.of(rt, slot) : InstanceViews.of(rt, i, null, true);
            });
  }

  @Override
  public Future<EventOutcome> sendEvent(String component, String instanceId, Event event) {
    for (ComponentRuntime rt : scope(component)) {
      InstanceSlot slot = rt.slot(instanceId);
      if (slot != null) {
        return rt.send(slot, event).map(p -> outcome(rt, slot, p));
      }
      if (rt.finished().get(instanceId) != null) {
        return Future.failedFuture(
            new RuntimeFailure(ErrorCode.INSTANCE_FINISHED, "Instance " + instanceId + " is not active (finished)"));
      }
    }
    if (component != null && !runtimes.containsKey(component)) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(component));
    }
    return Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
  }

  private static EventOutcome outcome(ComponentRuntime rt, InstanceSlot slot, Processed p) {
    Instance after = p.after();
    InstanceView view = InstanceViews.of(rt, after, slot.removed ? null : slot.timers, slot.removed);
    return new EventOutcome(p.transitioned(), p.before().state(), after.state(), view, p.reason());
  }

  @Override
  public Future<BroadcastResult> broadcast(String component, String machine, Event event, String state) {
    ComponentRuntime rt = runtimes.get(component);
    if (rt == null) {
      return Future.failedFuture(RuntimeFailure.componentNotFound(component));
    }
    return rt.broadcast(machine, event, state);
  }

  @Override
  public Optional<InstanceView> findInstance(String instanceId) {
    for (ComponentRuntime rt : runtimes.values()) {
      InstanceSlot slot = rt.slot(instanceId);
      if (slot != null) {
        return Optional.of(InstanceViews.of(rt, slot));
      }
      FinishedInstances.Finished f = rt.finished().get(instanceId);
      if (f != null) {
        return Optional.of(f.view());
      }
    }
    return Optional.empty();
  }

  /**
   * Merges the ordered sources of the components in scope (see {@link ListingIndex}: a page costs
   * about its size, plus the instances a filter skips when no index answers it), newest first, and
   * stops once the page is full.
   */
  @Override
  public List<InstanceView> listInstances(InstanceQuery q) {
    List<java.util.Iterator<Listed>> sources = new ArrayList<>();
    for (ComponentRuntime rt : scope(q.component())) {
      sources.addAll(rt.listingSources(q));
    }
    List<InstanceView> out = new ArrayList<>(Math.min(q.limit(), 1_000));
    java.util.Iterator<Listed> merged = ListingIndex.merge(sources, l -> l.position);
    while (out.size() < q.limit() && merged.hasNext()) {
      out.add(merged.next().view());
    }
    return out;
  }

  private List<ComponentRuntime> scope(String component) {
    if (component == null) {
      return new ArrayList<>(runtimes.values());
    }
    ComponentRuntime rt = runtimes.get(component);
    return rt == null ? List.of() : List.of(rt);
  }

  @Override
  public List<AvailableTransition> availableTransitions(String instanceId) {
    for (ComponentRuntime rt : runtimes.values()) {
      InstanceSlot slot = rt.slot(instanceId);
      if (slot != null) {
        Instance i = slot.instance;
        return availableFrom(i.machine(), i.state(), i.isActive());
      }
      if (rt.finished().get(instanceId) != null) {
        return List.of();
      }
    }
    throw RuntimeFailure.instanceNotFound(instanceId);
  }

  /** The transitions out of {@code state} of {@code machine}; none for a finished instance. */
  static List<AvailableTransition> availableFrom(StateMachine machine, String state, boolean active) {
    List<AvailableTransition> out = new ArrayList<>();
    if (active) {
      for (Transition t : machine.outgoing(state)) {
        out.add(new AvailableTransition(t.index(), t.event(), t.from(), t.to(), t.type().yamlName(),
            t.targetMachine(), t.targetComponent(), t.hasMatchingRules()));
      }
    }
    return out;
  }

  @Override
  public Future<List<HistoryEntry>> history(String instanceId) {
    for (ComponentRuntime rt : runtimes.values()) {
      InstanceSlot slot = rt.slot(instanceId);
      if (slot != null) {
        return rt.history(instanceId, slot);
      }
      FinishedInstances.Finished f = rt.finished().get(instanceId);
      if (f != null) {
        return rt.journal() != null ? rt.history(instanceId, null) : Future.succeededFuture(f.history().get());
      }
    }
    return Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
  }

  @Override
  public Future<dev.xcomponent.port.AuditTrail> auditTrail(String instanceId) {
    for (ComponentRuntime rt : runtimes.values()) {
      InstanceSlot slot = rt.slot(instanceId);
      FinishedInstances.Finished f = slot == null ? rt.finished().get(instanceId) : null;
      if (slot == null && f == null && rt.journal() == null) {
        continue;
      }
      if (rt.journal() == null) {
        List<HistoryEntry> events = slot != null ? slot.historySnapshot(rt.name()) : f.history().get();
        return Future.succeededFuture(new dev.xcomponent.port.AuditTrail(instanceId, null, events, false));
      }
      return StoreHistory.auditTrail(rt.journal().store(), instanceId, rt.history(instanceId, slot));
    }
    return Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
  }

  @Override
  public Future<dev.xcomponent.port.CorrelatedEvents> correlated(String instanceId, int limit) {
    return auditTrail(instanceId).compose(trail -> {
      String flow = StoreHistory.flowOf(trail);
      if (flow == null) {
        InstanceSlot slot = runtimes.values().stream().map(rt -> rt.slot(instanceId))
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        flow = slot != null ? slot.instance.correlationId() : instanceId;
      }
      if (!trail.fromStore()) {
        return Future.succeededFuture(new dev.xcomponent.port.CorrelatedEvents(flow, trail.events(), false));
      }
      return StoreHistory.correlated(runtimes.values().iterator().next().journal().store(), flow, limit);
    });
  }

  /** Asks the event store the runtimes share; without one, fails with {@link RuntimeFailure#noEventStore()}. */
  @Override
  public Future<List<dev.xcomponent.port.InstanceSnapshot>> searchHistory(dev.xcomponent.port.SnapshotSearch query) {
    Journal journal = runtimes.values().stream().map(ComponentRuntime::journal)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (journal == null) {
      return Future.failedFuture(RuntimeFailure.noEventStore());
    }
    return StoreHistory.search(journal.store(), query, hit -> {
      ComponentRuntime rt = runtimes.get(hit.componentName());
      InstanceSlot slot = rt == null ? null : rt.slot(hit.instanceId());
      return slot == null ? null : InstanceViews.of(rt, slot);
    });
  }

  /**
   * A search hit with the state the instance has now: the store's snapshot may be a few events
   * behind a live instance (one snapshot every {@code SNAPSHOT_INTERVAL} events).
   */
  static dev.xcomponent.port.InstanceSnapshot withLiveState(dev.xcomponent.port.InstanceSnapshot s, InstanceView live) {
    if (live.updatedAt() < s.updatedAt()) {
      return s;
    }
    return new dev.xcomponent.port.InstanceSnapshot(s.instanceId(), s.componentName(), s.machineName(),
        live.currentState(), live.status(), live.publicMember(), live.context(), s.createdAt(), live.updatedAt(),
        s.entryPoint(), s.parentId(), s.parentMachine(), s.seq(), s.correlationId(), s.lastEventId(), s.timers());
  }

  /** A store failure as the registry's {@code UNAVAILABLE} answer (the store's message names no secret). */
  static <T> Future<T> storeUnavailable(Throwable t) {
    return Future.failedFuture(t instanceof dev.xcomponent.port.StoreFailure f
        ? new RuntimeFailure(ErrorCode.UNAVAILABLE, "The event store cannot answer: " + f.getMessage())
        : t);
  }

  @Override
  public Map<String, Object> dependencies() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("broker", broker.state().name());
    Map<String, Object> messaging = new LinkedHashMap<>();
    runtimes.values().forEach(rt -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("waitingForBroker", rt.messagesWaitingForBroker());
      m.put("deadLetters", rt.deadLetters().count());
      messaging.put(rt.name(), m);
    });
    out.put("messaging", messaging);
    return out;
  }

  @Override
  public void addListener(RuntimeEventListener listener) {
    events.add(listener);
  }
}
