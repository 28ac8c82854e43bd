package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceCreated;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.HookErrorPolicy;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.routing.Paths;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one component: owns its partitions, the directory of its live instances, and the
 * carrying-out of what transitions ask for (effects, hook messages, timers, routing).
 *
 * <p>Placement: a new root instance goes to the partition its id hashes to; an instance created by
 * another (inter_machine child, {@code sender.createInstance}) goes to its creator's partition, so
 * the creation happens within the creator's transition, in order.
 */
public final class ComponentRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentRuntime.class);

  private final Vertx vertx;
  private final Component component;
  private final RuntimeSettings settings;
  private final RuntimeEvents events;
  private final LongSupplier clock;
  private final String runtimeId = UUID.randomUUID().toString();
  private final Map<String, InstanceSlot> directory = new ConcurrentHashMap<>();
  private final Map<StateMachine, HookPlan[]> hookPlans = new IdentityHashMap<>();
  private final FinishedInstances finished;
  private final Reports reports;
  private final PropertyIndexes properties;
  private final ListingIndex listing;
  private final List<String> deployments = new ArrayList<>();
  private final Journal journal;
  private Partition[] partitions;
  private ComponentMessaging messaging;

  private ComponentRuntime(
      Vertx vertx,
      Component component,
      HandlerRegistry handlers,
      RuntimeSettings settings,
      RuntimeEvents events,
      LongSupplier clock,
      Journal journal) {
    this.vertx = vertx;
    this.journal = journal;
    this.component = component;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.listing = new ListingIndex(component.stateMachines());
    this.finished = new FinishedInstances(
        settings.finishedRetention(), settings.finishedRetentionMs(), clock, listing::forget);
    this.reports = new Reports(component.name(), events, clock);
    this.properties = new PropertyIndexes(component);
    for (StateMachine m : component.stateMachines()) {
      HookPlan[] plans = new HookPlan[m.transitions().size()];
      for (Transition t : m.transitions()) {
        plans[t.index()] = HookPlan.of(m, t, handlers);
      }
      hookPlans.put(m, plans);
    }
  }

  /**
   * Starts a runtime: deploys its partitions, subscribes to the broker, and creates the entry-point
   * instance when the component asks for one.
   */
  static Future<ComponentRuntime> start(
      Vertx vertx,
      Component component,
      HandlerRegistry handlers,
      MessageBroker broker,
      RuntimeSettings settings,
      RuntimeEvents events,
      LongSupplier clock,
      Journal journal,
      LocalComponents local) {
    ComponentRuntime rt = new ComponentRuntime(vertx, component, handlers, settings, events, clock, journal);
    MissingHandlers.warn(component, handlers);
    List<PartitionVerticle> verticles = new ArrayList<>();
    List<Future<String>> deployed = new ArrayList<>();
    for (int i = 0; i < settings.partitions(); i++) {
      PartitionVerticle v = new PartitionVerticle();
      verticles.add(v);
      deployed.add(vertx.deployVerticle(v, new DeploymentOptions()));
    }
    return Future.all(deployed)
        .compose(
            all -> {
              rt.partitions = new Partition[verticles.size()];
              for (int i = 0; i < verticles.size(); i++) {
                rt.partitions[i] = new Partition(rt, verticles.get(i).partitionContext());
                rt.deployments.add(deployed.get(i).result());
              }
              rt.messaging = new ComponentMessaging(rt, broker, local);
              return journal == null ? Future.<Void>succeededFuture() : new Restorer(rt).run();
            })
        // Messages are taken only once every instance is back: one acted on during the restore
        // could miss a target not restored yet.
        .compose(v -> rt.messaging.start())
        .compose(v -> rt.createEntryPoint())
        .map(v -> rt);
  }

  /** Stops the partitions and the subscriptions. */
  Future<Void> stop() {
    List<Future<?>> stops = new ArrayList<>();
    if (messaging != null) {
      stops.add(messaging.stop());
    }
    for (String id : deployments) {
      // Vert.x may already be undeploying it (the process is closing): that is a stop too.
      if (vertx.deploymentIDs().contains(id)) {
        stops.add(vertx.undeploy(id).recover(e -> Future.succeededFuture()));
      }
    }
    return Future.join(stops).mapEmpty();
  }

  private Future<Void> createEntryPoint() {
    if (!component.autoCreatesEntryPoint()) {
      return Future.succeededFuture();
    }
    StateMachine machine = component.machine(component.entryMachine());
    if (machine == null) {
      return Future.failedFuture(
          "Entry machine \"" + component.entryMachine() + "\" not found in component " + component.name());
    }
    for (InstanceSlot slot : directory.values()) {
      if (slot.instance.isEntryPoint() && slot.instance.machine() == machine) {
        return Future.succeededFuture();
      }
    }
    String id = InstanceIds.next();
    Partition p = home(id);
    return ContextHops.on(
            p.context(),
            () -> p.createDurable(p.creation(machine, id, Map.of(), true, null, null, "entry point auto-create", null, null)))
        .onSuccess(slot -> reports.entryPointCreated(slot.instance))
        .mapEmpty();
  }

  // ---- accessors used by the registry, partitions and hooks ------------------------------------

  public String name() {
    return component.name();
  }

  public Component component() {
    return component;
  }

  /** Outgoing messages waiting for the broker to come back. */
  public int messagesWaitingForBroker() {
    return messaging == null ? 0 : messaging.waitingForBroker();
  }

  /** The messages this runtime gave up on (none without a broker). */
  public DeadLetters deadLetters() {
    return messaging == null ? new DeadLetters(0) : messaging.deadLetters();
  }

  public String runtimeId() {
    return runtimeId;
  }

  Vertx vertx() {
    return vertx;
  }

  RuntimeSettings settings() {
    return settings;
  }

  long now() {
    return clock.getAsLong();
  }

  long hookTimeoutMs() {
    return component.hookTimeoutMs() != null ? component.hookTimeoutMs() : settings.hookTimeoutMs();
  }

  boolean abortsOnHookError() {
    return component.hookErrorPolicy() == HookErrorPolicy.ABORT;
  }

  HookPlan hookPlan(StateMachine machine, Transition t) {
    return hookPlans.get(machine)[t.index()];
  }

  InstanceSlot slot(String id) {
    return directory.get(id);
  }

  Collection<InstanceSlot> slots() {
    return directory.values();
  }

  FinishedInstances finished() {
    return finished;
  }

  Reports reports() {
    return reports;
  }

  PropertyIndexes properties() {
    return properties;
  }

  ListingIndex listing() {
    return listing;
  }

  /**
   * This component's instances matching {@code q} after {@code q.after()}, live and finished ones
   * still retained: sources each in listing order, to merge.
   */
  List<java.util.Iterator<Listed>> listingSources(dev.xcomponent.port.InstanceQuery q) {
    if (q.machine() != null && component.machine(q.machine()) == null) {
      return List.of();
    }
    return listing.sources(this, q, partitions, directory.values(), () -> finished.after(q.after()));
  }

  /** The partitions, for in-process measurements. */
  Partition[] partitions() {
    return partitions.clone();
  }

  /** Makes a new or restored instance findable by id and in listings (its partition indexes it). */
  void register(InstanceSlot slot) {
    directory.put(slot.instance.id(), slot);
    listing.add(slot);
  }

  /**
   * Reports a new or restored instance, once it is registered and indexed: a listener that reacts
   * at once (sending it an event routed by property, say) finds it.
   */
  void reportCreated(InstanceSlot slot) {
    reports.created(slot);
  }

  private Partition home(String id) {
    return partitions[(id.hashCode() & 0x7fffffff) % partitions.length];
  }

  // ---- operations -----------------------------------------------------------------------------

  /**
   * Creates a root instance of {@code machine} on the partition its new id hashes to; with a store,
   * completes once the creation is durable.
   */
  public Future<Instance> create(StateMachine machine, String requestedId, Map<String, Object> data, String cause) {
    return create(machine, requestedId, data, cause, null, null);
  }

  Future<Instance> create(
      StateMachine machine, String requestedId, Map<String, Object> data, String cause, String causationId, String correlationId) {
    String id = requestedId != null ? requestedId : InstanceIds.next();
    Partition p = home(id);
    return ContextHops.on(
        p.context(),
        () -> {
          if (directory.containsKey(id)) {
            return Future.failedFuture("instance id " + id + " already exists");
          }
          return p.createDurable(p.creation(machine, id, data, false, null, null, cause, causationId, correlationId))
              .map(slot -> slot.instance);
        });
  }

  /** The group-commit journal in front of the store, or null when no store is configured. */
  Journal journal() {
    return journal;
  }

  /** The snapshot written with an instance's creation: it registers the instance for restores. */
  dev.xcomponent.port.InstanceSnapshot creationSnapshot(dev.xcomponent.domain.engine.InstanceCreated c) {
    Instance i = dev.xcomponent.domain.engine.Evolver.create(component, c);
    List<dev.xcomponent.port.InstanceSnapshot.ArmedTimer> timers = new ArrayList<>();
    for (Transition t : i.machine().timedTransitions(i.state())) {
      timers.add(new dev.xcomponent.port.InstanceSnapshot.ArmedTimer(t.index(), c.timestamp() + t.delayMs()));
    }
    return StoredEvents.snapshot(component.name(), i, c.eventId(), timers);
  }

  /** An instance rebuilt from the store, with the timers it had. */
  record Restored(Instance instance, List<dev.xcomponent.port.InstanceSnapshot.ArmedTimer> timers) {}

  /**
   * Rebuilds instances found in the store and puts them back, each on its home partition: {@code
   * rebuild} runs there, on the partition's context, so that rebuilding is spread over the
   * partitions; it returns the instance to put back with its timers, or null to put back nothing,
   * and must not throw. One hop per partition; completes once every partition is done.
   */
  <T> Future<Void> restoreAll(List<T> found, Function<T, String> idOf, Function<T, Restored> rebuild) {
    Map<Partition, List<T>> byHome = new IdentityHashMap<>();
    for (T t : found) {
      byHome.computeIfAbsent(home(idOf.apply(t)), k -> new ArrayList<>()).add(t);
    }
    List<Future<Void>> hops = new ArrayList<>(byHome.size());
    byHome.forEach((p, list) -> hops.add(ContextHops.on(p.context(), () -> {
      for (T t : list) {
        Restored r = rebuild.apply(t);
        if (r != null) {
          p.restore(r.instance(), r.timers());
        }
      }
      return Future.<Void>succeededFuture();
    })));
    return Future.all(hops).mapEmpty();
  }

  /** The recorded events of an instance: from the store when there is one, else from memory. */
  Future<List<dev.xcomponent.port.HistoryEntry>> history(String instanceId, InstanceSlot slot) {
    if (journal != null) {
      return journal.store().events(instanceId, 0)
          .map(list -> list.stream().map(StoredEvents::history).toList());
    }
    return Future.succeededFuture(slot == null ? List.of() : slot.historySnapshot(component.name()));
  }

  /** Sends {@code event} to a live instance and completes once it is processed. */
  Future<Processed> send(InstanceSlot slot, Event event) {
    return ContextHops.on(slot.partition.context(), () -> slot.partition.submit(slot, event));
  }

  /** Sends {@code event} to a live instance after what is already scheduled on its partition. */
  void deliverLater(String instanceId, Event event) {
    InstanceSlot slot = directory.get(instanceId);
    if (slot == null) {
      reports.messageError(instanceId, event, "Instance " + instanceId + " not found");
      return;
    }
    ContextHops.later(slot.partition.context(), () -> slot.partition.submit(slot, event))
        .onFailure(e -> logDeliveryFailure(instanceId, event, e));
  }

  /**
   * Broadcasts to the instances of {@code machine}. With matching rules on the machine's
   * transitions for this event (property routing), only instances satisfying a transition's rules
   * in its source state are targets; otherwise every active instance (of {@code state} if given).
   * Counts the instances that actually transitioned; finished instances are never targets.
   */
  public Future<dev.xcomponent.port.BroadcastResult> broadcast(String machineName, Event event, String state) {
    return broadcast(machineName, event, state, null);
  }

  /**
   * A broadcast carried by the broker message {@code messageId} (null when none): each target
   * records it under a key derived from the message id and its own id, so a copy of the message
   * delivered again is not applied twice.
   */
  Future<dev.xcomponent.port.BroadcastResult> broadcast(String machineName, Event event, String state, String messageId) {
    return route(machineName, event, state, messageId)
        .map(c -> new dev.xcomponent.port.BroadcastResult(c.matched(), c.processed()));
  }

  private Future<Partition.RoutingCount> route(String machineName, Event event, String state, String messageId) {
    StateMachine machine = component.machine(machineName);
    if (machine == null) {
      return Future.failedFuture(RuntimeFailure.machineNotFound(machineName));
    }
    String filter = state == null || "*".equals(state) ? null : state;
    List<Selector> selectors = new ArrayList<>();
    boolean routed = false;
    for (Transition t : machine.transitions()) {
      if (t.event().equals(event.type()) && t.hasMatchingRules() && (filter == null || filter.equals(t.from()))) {
        routed = true;
        List<Effect.ResolvedRule> rules = resolve(t.matchingRules(), event.payload());
        if (rules != null) {
          selectors.add(new Selector(t.from(), rules));
        }
      }
    }
    if (!routed) {
      selectors.add(new Selector(filter, List.of()));
    }
    return deliver(machine, selectors, event, false, messageId)
        .onSuccess(c -> reports.broadcastCompleted(machineName, filter, event, c));
  }

  /**
   * Delivers to the active instances of {@code machine} in {@code state} (any when null) whose data
   * satisfies every rule, after what is already scheduled on their partitions.
   */
  Future<Partition.RoutingCount> deliverMatching(
      StateMachine machine, String state, Event event, List<Effect.ResolvedRule> rules) {
    return deliverMatching(machine, state, event, rules, null);
  }

  /** {@link #deliverMatching} for the broker message {@code messageId}, keyed per target as {@link #broadcast}. */
  Future<Partition.RoutingCount> deliverMatching(
      StateMachine machine, String state, Event event, List<Effect.ResolvedRule> rules, String messageId) {
    return deliver(machine, List.of(new Selector(state, rules)), event, true, messageId);
  }

  /**
   * Delivers {@code event} once to each instance accepted by any selector. When every selector has
   * an equality rule a complete property index can answer, only the partitions owning candidates
   * are visited; otherwise every partition scans its own instances.
   */
  private Future<Partition.RoutingCount> deliver(
      StateMachine machine, List<Selector> selectors, Event event, boolean deferred, String messageId) {
    if (selectors.isEmpty()) {
      return Future.succeededFuture(Partition.RoutingCount.NONE);
    }
    Map<Partition, Set<InstanceSlot>> candidates = new IdentityHashMap<>();
    boolean indexed = true;
    for (Selector s : selectors) {
      Collection<InstanceSlot> pool = indexedPool(machine, s.rules());
      if (pool == null) {
        indexed = false;
        break;
      }
      for (InstanceSlot slot : pool) {
        candidates.computeIfAbsent(slot.partition, k -> new LinkedHashSet<>()).add(slot);
      }
    }
    List<Future<Partition.RoutingCount>> parts = new ArrayList<>();
    if (indexed) {
      candidates.forEach(
          (p, slots) -> parts.add(hop(p, deferred, () -> p.deliverAll(p.filter(slots, machine, selectors), event, messageId))));
    } else {
      for (Partition p : partitions) {
        parts.add(
            hop(p, deferred, () -> {
              Set<InstanceSlot> targets = new LinkedHashSet<>();
              for (Selector s : selectors) {
                p.collect(machine, s, targets);
              }
              return p.deliverAll(targets, event, messageId);
            }));
      }
    }
    return sum(parts);
  }

  private static <T> Future<T> hop(Partition p, boolean deferred, java.util.function.Supplier<Future<T>> work) {
    return deferred ? ContextHops.later(p.context(), work) : ContextHops.on(p.context(), work);
  }

  /** Candidates from a complete property index for one equality rule, or null when none answers. */
  private Collection<InstanceSlot> indexedPool(StateMachine machine, List<Effect.ResolvedRule> rules) {
    for (Effect.ResolvedRule r : rules) {
      if (r.rule().operator() != dev.xcomponent.domain.model.Operator.EQ || r.value() == Paths.MISSING) {
        continue;
      }
      PropertyIndexes.Index idx = properties.index(machine, r.rule().instanceProperty());
      if (!idx.complete) {
        for (Partition p : partitions) {
          p.context().runOnContext(v -> properties.buildOn(p, machine, idx, partitions.length));
        }
        continue;
      }
      Collection<InstanceSlot> pool = PropertyIndexes.lookup(idx, r.value());
      if (pool != null) {
        return pool;
      }
    }
    return null;
  }

  /**
   * Which instances a routed delivery targets: active instances in {@code state} (any when null)
   * whose current data satisfies every resolved rule.
   */
  record Selector(String state, List<Effect.ResolvedRule> rules) {
    boolean accepts(Instance i) {
      if (!i.isActive() || (state != null && !state.equals(i.state()))) {
        return false;
      }
      for (Effect.ResolvedRule r : rules) {
        if (!dev.xcomponent.domain.routing.RuleEvaluator.matchesValue(r.rule(), r.value(), i.data())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The counts of every part added up; a single part (a routed message's usual case) as it is. */
  private static Future<Partition.RoutingCount> sum(List<Future<Partition.RoutingCount>> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return Future.all(parts)
        .map(
            all -> {
              Partition.RoutingCount total = Partition.RoutingCount.NONE;
              for (Future<Partition.RoutingCount> f : parts) {
                total = total.plus(f.result());
              }
              return total;
            });
  }

  /** Rules with their event values taken from {@code payload}; null when one is missing. */
  private static List<Effect.ResolvedRule> resolve(List<MatchingRule> rules, Map<String, Object> payload) {
    List<Effect.ResolvedRule> out = new ArrayList<>(rules.size());
    for (MatchingRule r : rules) {
      Object v = Paths.get(payload, r.eventProperty());
      if (v == Paths.MISSING) {
        return null;
      }
      out.add(new Effect.ResolvedRule(r, v));
    }
    return out;
  }

  // ---- after a transition ---------------------------------------------------------------------

  /** Keeps the event in the instance's memory history, which stands in for a store when there is none. */
  void recordCreation(InstanceSlot slot, InstanceCreated created) {
    if (journal == null && settings.historyLimit() > 0) {
      slot.addHistory(created, settings.historyLimit());
    }
  }

  void reportTransition(Transitioned tr, HookPlan plan) {
    reports.transition(tr, plan);
  }

  void recordTransition(InstanceSlot slot, Transitioned tr) {
    if (journal == null && settings.historyLimit() > 0) {
      slot.addHistory(tr.recorded(), settings.historyLimit());
    }
  }

  void carryOut(Partition partition, Transitioned tr, Effect effect, Map<Object, dev.xcomponent.domain.engine.InstanceCreated> creations,
      Map<Object, dev.xcomponent.port.OutboxMessage> messages) {
    new EffectRunner(this, messaging, partition, messages).run(tr, effect, creations);
  }

  void release(InstanceSlot slot, Outbound outbound, Map<Object, dev.xcomponent.domain.engine.InstanceCreated> creations,
      Map<Object, dev.xcomponent.port.OutboxMessage> messages) {
    new EffectRunner(this, messaging, slot.partition, messages).release(slot, outbound, creations);
  }

  /** The messages a prepared transition sends to other components (see {@link CrossComponentMessages}). */
  Map<Object, dev.xcomponent.port.OutboxMessage> crossComponentMessages(Transitioned tr, Outbound outbound) {
    return messaging.messages().of(tr, outbound);
  }

  void dispose(InstanceSlot slot) {
    // Finished first, then gone from the live directory: a reader on another thread always finds
    // the instance in one of the two.
    FinishedInstances.Finished f =
        finished.add(InstanceViews.of(this, slot.instance, null, true), () -> slot.historySnapshot(component.name()));
    listing.finish(slot, slot.instance, f);
    directory.remove(slot.instance.id(), slot);
    reports.disposed(slot.instance);
  }

  void reportIgnored(Instance instance, Event event) {
    reports.ignored(instance, event);
  }

  void reportUserCodeError(Instance instance, dev.xcomponent.port.HookKind kind, String method, Throwable error) {
    putLogContext(instance.id(), instance.correlationId());
    try {
      LOG.warn(
          "user code {} {} failed for instance {} of {}: {}",
          kind.eventName(), method, instance.id(), component.name(), HookRun.describe(error));
    } finally {
      removeLogContext();
    }
    reports.userCodeError(instance, kind, method, error);
  }

  void reportBroadcastError(String instanceId, Event event, Throwable error) {
    reports.broadcastError(instanceId, event, error);
  }

  void logDeliveryFailure(String instanceId, Event event, Throwable error) {
    InstanceSlot slot = directory.get(instanceId);
    putLogContext(instanceId, slot == null ? null : slot.instance.correlationId());
    try {
      LOG.warn("event {} for instance {} not processed: {}", event.type(), instanceId, HookRun.describe(error));
    } finally {
      removeLogContext();
    }
  }

  /** MDC fields of a log line about one instance (structured logs show them as fields). */
  private static void putLogContext(String instanceId, String correlationId) {
    org.slf4j.MDC.put("instanceId", instanceId);
    if (correlationId != null) {
      org.slf4j.MDC.put("correlationId", correlationId);
    }
  }

  private static void removeLogContext() {
    org.slf4j.MDC.remove("instanceId");
    org.slf4j.MDC.remove("correlationId");
  }
}
