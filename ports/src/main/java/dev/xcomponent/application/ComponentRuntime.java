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
  private final List<String> deployments = new ArrayList<>();
  private Partition[] partitions;
  private ComponentMessaging messaging;

  private ComponentRuntime(
      Vertx vertx,
      Component component,
      HandlerRegistry handlers,
      RuntimeSettings settings,
      RuntimeEvents events,
      LongSupplier clock) {
    this.vertx = vertx;
    this.component = component;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.finished = new FinishedInstances(settings.finishedRetention(), settings.finishedRetentionMs(), clock);
    this.reports = new Reports(component.name(), events, clock);
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
      LongSupplier clock) {
    ComponentRuntime rt = new ComponentRuntime(vertx, component, handlers, settings, events, clock);
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
              rt.messaging = new ComponentMessaging(rt, broker);
              return rt.messaging.start();
            })
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
      stops.add(vertx.undeploy(id));
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
    String id = InstanceIds.next();
    return ContextHops.on(
            home(id).context(),
            () -> Future.succeededFuture(home(id).create(machine, id, Map.of(), true, null, null, "entry point auto-create")))
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

  /** The partitions, for in-process measurements. */
  Partition[] partitions() {
    return partitions.clone();
  }

  void register(InstanceSlot slot) {
    directory.put(slot.instance.id(), slot);
    reports.created(slot);
  }

  private Partition home(String id) {
    return partitions[(id.hashCode() & 0x7fffffff) % partitions.length];
  }

  // ---- operations -----------------------------------------------------------------------------

  /** Creates a root instance of {@code machine} on the partition its new id hashes to. */
  public Future<Instance> create(StateMachine machine, String requestedId, Map<String, Object> data, String cause) {
    String id = requestedId != null ? requestedId : InstanceIds.next();
    Partition p = home(id);
    return ContextHops.on(
        p.context(),
        () -> {
          if (directory.containsKey(id)) {
            return Future.failedFuture("instance id " + id + " already exists");
          }
          return Future.succeededFuture(p.create(machine, id, data, false, null, null, cause).instance);
        });
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
    return route(machineName, event, state).map(c -> new dev.xcomponent.port.BroadcastResult(c.matched(), c.processed()));
  }

  private Future<Partition.RoutingCount> route(String machineName, Event event, String state) {
    StateMachine machine = component.machine(machineName);
    if (machine == null) {
      return Future.failedFuture(RuntimeFailure.machineNotFound(machineName));
    }
    String filter = state == null || "*".equals(state) ? null : state;
    List<Transition> routed = new ArrayList<>();
    for (Transition t : machine.transitions()) {
      if (t.event().equals(event.type()) && t.hasMatchingRules() && (filter == null || filter.equals(t.from()))) {
        routed.add(t);
      }
    }
    List<Future<Partition.RoutingCount>> parts = new ArrayList<>(partitions.length);
    for (Partition p : partitions) {
      parts.add(ContextHops.on(p.context(), () -> {
        Set<InstanceSlot> targets = new LinkedHashSet<>();
        if (routed.isEmpty()) {
          p.collect(machine, filter, List.of(), targets);
        } else {
          for (Transition t : routed) {
            List<Effect.ResolvedRule> rules = resolve(t.matchingRules(), event.payload());
            if (rules != null) {
              p.collect(machine, t.from(), rules, targets);
            }
          }
        }
        return p.deliverAll(targets, event);
      }));
    }
    return sum(parts).onSuccess(c -> reports.broadcastCompleted(machineName, filter, event, c));
  }

  /** Delivers to matching instances across all partitions. */
  Future<Partition.RoutingCount> deliverMatching(
      StateMachine machine, String state, Event event, List<Effect.ResolvedRule> rules) {
    List<Future<Partition.RoutingCount>> parts = new ArrayList<>(partitions.length);
    for (Partition p : partitions) {
      parts.add(ContextHops.later(p.context(), () -> p.deliverMatching(machine, state, event, rules)));
    }
    return sum(parts);
  }

  private static Future<Partition.RoutingCount> sum(List<Future<Partition.RoutingCount>> parts) {
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

  void recordCreation(InstanceSlot slot, InstanceCreated created) {
    if (settings.historyLimit() > 0) {
      slot.addHistory(created, settings.historyLimit());
    }
  }

  void reportTransition(Transitioned tr, HookPlan plan) {
    reports.transition(tr, plan);
  }

  void recordTransition(InstanceSlot slot, Transitioned tr) {
    if (settings.historyLimit() > 0) {
      slot.addHistory(tr.recorded(), settings.historyLimit());
    }
  }

  void carryOut(Partition partition, Transitioned tr, Effect effect) {
    new EffectRunner(this, messaging, partition).run(tr, effect);
  }

  void release(InstanceSlot slot, Outbound outbound) {
    new EffectRunner(this, messaging, slot.partition).release(slot, outbound);
  }

  void dispose(InstanceSlot slot) {
    directory.remove(slot.instance.id(), slot);
    finished.add(InstanceViews.of(this, slot.instance, null, true), slot.historySnapshot(component.name()));
    reports.disposed(slot.instance);
  }

  void reportIgnored(Instance instance, Event event) {
    reports.ignored(instance, event);
  }

  void reportUserCodeError(Instance instance, dev.xcomponent.port.HookKind kind, String method, Throwable error) {
    LOG.warn(
        "user code {} {} failed for instance {} of {}: {}",
        kind.eventName(), method, instance.id(), component.name(), HookRun.describe(error));
    reports.userCodeError(instance, kind, method, error);
  }

  void reportBroadcastError(String instanceId, Event event, Throwable error) {
    reports.broadcastError(instanceId, event, error);
  }

  void logDeliveryFailure(String instanceId, Event event, Throwable error) {
    LOG.warn("event {} for instance {} not processed: {}", event.type(), instanceId, HookRun.describe(error));
  }
}
