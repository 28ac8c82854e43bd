package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Effect;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Evolver;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceCreated;
import dev.xcomponent.domain.engine.InstanceData;
import dev.xcomponent.domain.engine.TimerPlan;
import dev.xcomponent.domain.engine.TransitionEngine;
import dev.xcomponent.domain.engine.Transitioned;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The instances of one component that one event-loop context owns. Every method runs on that
 * context, so nothing here is locked. Each instance processes one event at a time: while its user
 * code runs, later events wait in its bounded queue, while other instances go on.
 */
final class Partition {
  private final ComponentRuntime runtime;
  private final Context context;
  private final InstanceIndex index;

  Partition(ComponentRuntime runtime, Context context) {
    this.runtime = runtime;
    this.context = context;
    this.index = new InstanceIndex(this::ownSlots);
  }

  Context context() {
    return context;
  }

  InstanceIndex index() {
    return index;
  }

  /** This partition's live instances (a scan of the component's directory: for rare rebuilds). */
  private Iterable<InstanceSlot> ownSlots() {
    List<InstanceSlot> out = new ArrayList<>();
    for (InstanceSlot slot : runtime.slots()) {
      if (slot.partition == this) {
        out.add(slot);
      }
    }
    return out;
  }

  /**
   * Creates an instance here without writing to a store (no store configured, or the creation
   * was already written with the transition that caused it).
   */
  InstanceSlot create(
      StateMachine machine,
      String id,
      Map<String, Object> data,
      boolean entryPoint,
      String parentId,
      String parentMachine,
      String cause) {
    return insert(creation(machine, id, data, entryPoint, parentId, parentMachine, cause, null, null));
  }

  /** The creation event of a new instance (pure: nothing is inserted). */
  InstanceCreated creation(
      StateMachine machine,
      String id,
      Map<String, Object> data,
      boolean entryPoint,
      String parentId,
      String parentMachine,
      String cause,
      String causationId,
      String correlationId) {
    return Evolver.creation(
        machine, id, Values.freeze(data), runtime.now(), entryPoint, parentId, parentMachine, cause,
        EventIds.next(), correlationId, causationId);
  }

  /**
   * Creates an instance here once its creation is durable: the future completes (on this
   * partition's context) after the store accepted it, or fails leaving no trace.
   */
  Future<InstanceSlot> createDurable(InstanceCreated created) {
    Journal journal = runtime.journal();
    if (journal == null) {
      return Future.succeededFuture(insert(created));
    }
    return here(journal.write(
            List.of(StoredEvents.of(runtime.name(), created)),
            List.of(runtime.creationSnapshot(created))))
        .map(r -> insert(created));
  }

  /** Inserts the instance a creation event describes, arms its initial timers, reports it. */
  InstanceSlot insert(InstanceCreated created) {
    Instance instance = Evolver.create(runtime.component(), created);
    InstanceSlot slot = new InstanceSlot(this, instance);
    runtime.register(slot);
    index.add(slot);
    runtime.properties().add(slot);
    runtime.reportCreated(slot);
    runtime.recordCreation(slot, created);
    applyTimers(slot, TimerPlan.atCreation(instance.machine(), instance.state()), created.timestamp(), created.eventId());
    return slot;
  }

  /** Puts back an instance rebuilt from the store, with the timers it had. */
  InstanceSlot restore(Instance instance, List<dev.xcomponent.port.InstanceSnapshot.ArmedTimer> timers) {
    InstanceSlot slot = new InstanceSlot(this, instance);
    runtime.register(slot);
    index.add(slot);
    runtime.properties().add(slot);
    runtime.reportCreated(slot);
    long now = runtime.now();
    for (dev.xcomponent.port.InstanceSnapshot.ArmedTimer a : timers) {
      Transition t = instance.machine().transitions().get(a.transitionIndex());
      arm(slot, t, a.dueAt(), Math.max(1, a.dueAt() - now), null);
    }
    return slot;
  }

  /** Processes {@code event} now, or queues it behind the instance's running transition. */
  Future<Processed> submit(InstanceSlot slot, Event event) {
    if (slot.removed) {
      return Future.failedFuture(finished(slot.instance));
    }
    if (slot.busy || (slot.queue != null && !slot.queue.isEmpty())) {
      if (slot.queue == null) {
        slot.queue = new ArrayDeque<>(4);
      }
      if (slot.queue.size() >= runtime.settings().queueLimit()) {
        return Future.failedFuture(
            new RuntimeFailure(
                ErrorCode.QUEUE_FULL,
                "Instance " + slot.instance.id() + " already has "
                    + slot.queue.size() + " events waiting; retry later"));
      }
      Promise<Processed> p = Promise.promise();
      slot.queue.add(new InstanceSlot.Waiting(event, p));
      return p.future();
    }
    return process(slot, event);
  }

  private Future<Processed> process(InstanceSlot slot, Event event) {
    Instance instance = slot.instance;
    if (slot.removed || !instance.isActive()) {
      return Future.failedFuture(finished(instance));
    }
    if (slot.suspect) {
      slot.busy = true;
      return release(slot, refresh(slot).compose(v -> {
        slot.busy = false;
        return process(slot, event);
      }));
    }
    Transition t = TransitionEngine.select(instance, event);
    if (t == null) {
      runtime.reportIgnored(instance, event);
      return Future.succeededFuture(
          new Processed(instance, instance, false, TransitionEngine.ignoredReason(instance, event)));
    }
    HookPlan plan = runtime.hookPlan(instance.machine(), t);
    if (!plan.runsCode() && runtime.journal() == null) {
      InstanceData data = TransitionEngine.mergePayload(InstanceData.of(instance), t, event);
      return Future.succeededFuture(commit(slot, prepare(slot, t, event, data, null), plan));
    }
    slot.busy = true;
    Future<Prepared> prepared;
    if (plan.runsCode()) {
      HookRun run = new HookRun(runtime, slot, t, event, plan);
      prepared = run.run().map(v -> prepare(slot, t, event, run.data(), run.outbound()));
    } else {
      InstanceData data = TransitionEngine.mergePayload(InstanceData.of(instance), t, event);
      prepared = Future.succeededFuture(prepare(slot, t, event, data, null));
    }
    return release(slot, prepared.compose(p -> write(slot, p)).map(p -> commit(slot, p, plan)));
  }

  /** Frees the instance for its next event once {@code work} is over, whatever its outcome. */
  private <T> Future<T> release(InstanceSlot slot, Future<T> work) {
    return work.andThen(
        ar -> {
          slot.busy = false;
          if (slot.queue != null && !slot.queue.isEmpty()) {
            context.runOnContext(v -> drain(slot));
          }
        });
  }

  private void drain(InstanceSlot slot) {
    while (!slot.busy && slot.queue != null && !slot.queue.isEmpty()) {
      InstanceSlot.Waiting w = slot.queue.poll();
      process(slot, w.event()).onComplete(w.promise());
    }
  }

  /**
   * A transition computed but not yet applied: its recorded event, and the creation events of the
   * instances it creates here (inter_machine children, {@code sender.createInstance}), keyed by the
   * effect or message asking for them, so that they are written together and applied from what
   * was written.
   */
  record Prepared(
      Transitioned tr,
      Outbound outbound,
      Map<Object, InstanceCreated> creations,
      Map<Object, dev.xcomponent.port.OutboxMessage> messages,
      boolean duplicate) {
    Prepared asDuplicate() {
      return new Prepared(tr, outbound, creations, messages, true);
    }
  }

  private Prepared prepare(InstanceSlot slot, Transition t, Event event, InstanceData data, Outbound outbound) {
    Instance before = slot.instance;
    String eventId = EventIds.next();
    Transitioned tr = TransitionEngine.complete(runtime.name(), before, t, event, data, runtime.now(), eventId);
    Map<Object, InstanceCreated> creations = Map.of();
    for (Effect effect : tr.effects()) {
      if (effect instanceof Effect.CreateChild c && runtime.component().machine(c.machine()) != null) {
        creations = mutable(creations);
        creations.put(effect, creation(runtime.component().machine(c.machine()), InstanceIds.next(), c.data(),
            false, c.parentId(), c.parentMachine(), "inter_machine transition", c.causationId(), c.correlationId()));
      }
    }
    if (outbound != null) {
      for (Outbound.Action a : outbound.actions()) {
        String machine = null;
        String id = null;
        Map<String, Object> data0 = null;
        if (a instanceof Outbound.Create c) {
          machine = c.machine();
          id = c.instanceId();
          data0 = c.data();
        } else if (a instanceof Outbound.CreateInComponent c && c.component().equals(runtime.name())) {
          machine = c.machine();
          id = c.instanceId();
          data0 = c.data();
        }
        if (machine != null && runtime.component().machine(machine) != null) {
          creations = mutable(creations);
          creations.put(a, creation(runtime.component().machine(machine), id, data0, false, null, null,
              "sender.createInstance", eventId, before.correlationId()));
        }
      }
    }
    return new Prepared(tr, outbound, creations, runtime.crossComponentMessages(tr, outbound), false);
  }

  private static Map<Object, InstanceCreated> mutable(Map<Object, InstanceCreated> m) {
    return m.isEmpty() ? new java.util.IdentityHashMap<>() : m;
  }

  /** Writes a prepared transition ahead of applying it; without a store, nothing to write. */
  private Future<Prepared> write(InstanceSlot slot, Prepared p) {
    Journal journal = runtime.journal();
    if (journal == null) {
      return Future.succeededFuture(p);
    }
    Transitioned tr = p.tr();
    Instance after = tr.after();
    List<dev.xcomponent.port.StoredEvent> events = new ArrayList<>(1 + p.creations().size());
    List<dev.xcomponent.port.InstanceSnapshot> snapshots = new ArrayList<>(1 + p.creations().size());
    events.add(StoredEvents.of(runtime.name(), after.machine().name(), after.correlationId(), tr.recorded()));
    dev.xcomponent.port.InstanceSnapshot own = null;
    if (tr.finished() || after.version() % runtime.settings().snapshotInterval() == 0) {
      own = StoredEvents.snapshot(runtime.name(), after, tr.recorded().eventId(),
          timersAfter(slot, tr.timers(), tr.recorded().timestamp()));
    }
    // An event with an idempotency key may turn out to be a duplicate that the store skips: its
    // snapshot must then not be written either, so it goes in a second write once the event is in.
    boolean keyed = tr.recorded().event().idempotencyKey() != null;
    if (own != null && !keyed) {
      snapshots.add(own);
    }
    dev.xcomponent.port.InstanceSnapshot later = keyed ? own : null;
    for (InstanceCreated c : p.creations().values()) {
      events.add(StoredEvents.of(runtime.name(), c));
      snapshots.add(runtime.creationSnapshot(c));
    }
    List<dev.xcomponent.port.OutboxMessage> outbox = p.messages().isEmpty() ? List.of() : new ArrayList<>(p.messages().values());
    return here(journal.write(events, snapshots, outbox))
        .compose(result -> {
          boolean duplicate = result.duplicates().contains(tr.recorded().eventId());
          if (duplicate || later == null) {
            return Future.succeededFuture(result);
          }
          // The event is recorded: a failed snapshot only means a longer replay at restore.
          return here(journal.write(List.of(), List.of(later))).transform(ignored -> Future.succeededFuture(result));
        })
        .transform(ar -> {
          if (ar.succeeded()) {
            return Future.succeededFuture(
                ar.result().duplicates().contains(tr.recorded().eventId()) ? p.asDuplicate() : p);
          }
          Throwable cause = ar.cause();
          if (!(cause instanceof dev.xcomponent.port.StoreFailure f)
              || f.reason() != dev.xcomponent.port.StoreFailure.Reason.REJECTED) {
            slot.suspect = true;
          }
          return Future.failedFuture(new RuntimeFailure(ErrorCode.UNAVAILABLE,
              "The event was not recorded (" + HookRun.describe(cause) + "); instance "
                  + slot.instance.id() + " is unchanged, retry later"));
        });
  }

  /**
   * Catches up with the store after a write whose outcome is unknown: applies the events the store
   * has beyond what this runtime knows.
   */
  private Future<Void> refresh(InstanceSlot slot) {
    Instance known = slot.instance;
    return here(runtime.journal().store().events(known.id(), known.version()))
        .map(events -> {
          Instance current = known;
          for (dev.xcomponent.port.StoredEvent e : events) {
            if (!e.isCreation()) {
              current = Evolver.apply(current, StoredEvents.transition(e));
            }
          }
          slot.suspect = false;
          if (current != known) {
            slot.instance = current;
            index.move(slot, known, current);
            runtime.properties().move(slot, known, current);
            runtime.listing().move(slot, known, current);
            cancelAllTimers(slot);
            if (!current.isActive()) {
              if (!current.isEntryPoint()) {
                dispose(slot);
              }
            } else {
              long enteredAt = current.updatedAt();
              for (Transition t : current.machine().timedTransitions(current.state())) {
                arm(slot, t, enteredAt + t.delayMs(), Math.max(1, enteredAt + t.delayMs() - runtime.now()), null);
              }
            }
          }
          return null;
        });
  }

  /** Brings a future's completion back to this partition's context. */
  private <T> Future<T> here(Future<T> f) {
    if (f.isComplete() && io.vertx.core.Vertx.currentContext() == context) {
      return f;
    }
    Promise<T> p = Promise.promise();
    f.onComplete(ar -> {
      if (io.vertx.core.Vertx.currentContext() == context) {
        p.handle(ar);
      } else {
        context.runOnContext(v -> p.handle(ar));
      }
    });
    return p.future();
  }

  private Processed commit(InstanceSlot slot, Prepared p, HookPlan plan) {
    Transitioned tr = p.tr();
    Instance before = tr.before();
    if (p.duplicate()) {
      return new Processed(before, before, false, "duplicate: this idempotency key was already recorded");
    }
    Instance after = tr.after();
    slot.instance = after;
    index.move(slot, before, after);
    runtime.properties().move(slot, before, after);
    runtime.listing().move(slot, before, after);
    runtime.recordTransition(slot, tr);
    applyTimers(slot, tr.timers(), tr.recorded().timestamp(), tr.recorded().eventId());
    runtime.reportTransition(tr, plan);
    if (p.outbound() != null) {
      runtime.release(slot, p.outbound(), p.creations(), p.messages());
    }
    for (Effect effect : tr.effects()) {
      runtime.carryOut(this, tr, effect, p.creations(), p.messages());
    }
    if (tr.finished() && !after.isEntryPoint()) {
      dispose(slot);
    }
    return new Processed(before, after, true, null);
  }

  private void dispose(InstanceSlot slot) {
    Instance instance = slot.instance;
    slot.removed = true;
    index.remove(slot, instance);
    runtime.properties().remove(slot, instance);
    cancelAllTimers(slot);
    runtime.dispose(slot);
    if (slot.queue != null) {
      InstanceSlot.Waiting w;
      while ((w = slot.queue.poll()) != null) {
        w.promise().fail(finished(instance));
      }
    }
  }

  // ---- timers --------------------------------------------------------------------------------

  private void applyTimers(InstanceSlot slot, TimerPlan plan, long at, String cause) {
    if (plan.isEmpty()) {
      return;
    }
    if (plan.cancelAll()) {
      cancelAllTimers(slot);
    }
    for (Transition t : plan.cancel()) {
      cancelTimer(slot, t.index());
    }
    for (Transition t : plan.arm()) {
      arm(slot, t, at + t.delayMs(), Math.max(1, at + t.delayMs() - runtime.now()), cause);
    }
  }

  /** The timers the instance will have once {@code plan} is applied at time {@code at}. */
  private static List<dev.xcomponent.port.InstanceSnapshot.ArmedTimer> timersAfter(InstanceSlot slot, TimerPlan plan, long at) {
    List<dev.xcomponent.port.InstanceSnapshot.ArmedTimer> out = new ArrayList<>();
    if (!plan.cancelAll() && slot.timers != null) {
      for (InstanceSlot.ArmedTimer a : slot.timers) {
        boolean cancelled = plan.cancel().stream().anyMatch(t -> t.index() == a.transitionIndex());
        if (!cancelled) {
          out.add(new dev.xcomponent.port.InstanceSnapshot.ArmedTimer(a.transitionIndex(), a.dueAt()));
        }
      }
    }
    for (Transition t : plan.arm()) {
      out.add(new dev.xcomponent.port.InstanceSnapshot.ArmedTimer(t.index(), at + t.delayMs()));
    }
    return out;
  }

  private void arm(InstanceSlot slot, Transition t, long dueAt, long delay, String cause) {
    long id = runtime.vertx().setTimer(delay, tid -> fire(slot, t, tid));
    List<InstanceSlot.ArmedTimer> timers = slot.timers == null ? new ArrayList<>(2) : new ArrayList<>(slot.timers);
    timers.add(new InstanceSlot.ArmedTimer(t.index(), id, dueAt, cause));
    slot.timers = timers;
  }

  private void fire(InstanceSlot slot, Transition t, long timerId) {
    List<InstanceSlot.ArmedTimer> timers = slot.timers;
    if (slot.removed || timers == null) {
      return;
    }
    List<InstanceSlot.ArmedTimer> rest = new ArrayList<>(timers.size());
    boolean current = false;
    for (InstanceSlot.ArmedTimer a : timers) {
      if (a.timerId() == timerId) {
        current = true;
      } else {
        rest.add(a);
      }
    }
    if (!current) {
      return;
    }
    slot.timers = rest.isEmpty() ? null : rest;
    Instance instance = slot.instance;
    if (!instance.isActive() || !instance.state().equals(t.from())) {
      return;
    }
    String reason = t.type() == TransitionType.TIMEOUT ? "timeout" : "auto-transition";
    InstanceSlot.ArmedTimer armed = null;
    for (InstanceSlot.ArmedTimer a : timers) {
      if (a.timerId() == timerId) {
        armed = a;
      }
    }
    // The key makes a timer fire once even if it is re-armed after a restart; the cause is the
    // event that armed it.
    Event event = Event.of(t.event(), Map.of("reason", reason), runtime.now())
        .withIdempotencyKey("timer:" + instance.id() + ":" + t.index() + ":" + armed.dueAt())
        .causedBy(armed.cause(), instance.correlationId());
    InstanceSlot.ArmedTimer firing = armed;
    submit(slot, event).onFailure(e -> {
      runtime.logDeliveryFailure(instance.id(), event, e);
      // A timer whose event could not be recorded is not lost: it tries again a second later,
      // with the same due time, so its idempotency key still makes it fire once.
      if (e instanceof RuntimeFailure f && f.code() == ErrorCode.UNAVAILABLE
          && !slot.removed && slot.instance.isActive() && slot.instance.state().equals(t.from())) {
        arm(slot, t, firing.dueAt(), RETRY_DELAY_MS, firing.cause());
      }
    });
  }

  /** Delay before a timer whose event the store refused tries again. */
  private static final long RETRY_DELAY_MS = 1_000;

  private void cancelTimer(InstanceSlot slot, int transitionIndex) {
    List<InstanceSlot.ArmedTimer> timers = slot.timers;
    if (timers == null) {
      return;
    }
    List<InstanceSlot.ArmedTimer> rest = new ArrayList<>(timers.size());
    for (InstanceSlot.ArmedTimer a : timers) {
      if (a.transitionIndex() == transitionIndex) {
        runtime.vertx().cancelTimer(a.timerId());
      } else {
        rest.add(a);
      }
    }
    slot.timers = rest.isEmpty() ? null : rest;
  }

  private void cancelAllTimers(InstanceSlot slot) {
    List<InstanceSlot.ArmedTimer> timers = slot.timers;
    if (timers == null) {
      return;
    }
    for (InstanceSlot.ArmedTimer a : timers) {
      runtime.vertx().cancelTimer(a.timerId());
    }
    slot.timers = null;
  }

  // ---- routing -------------------------------------------------------------------------------

  /**
   * Adds to {@code out} this partition's active instances of {@code machine} that satisfy the
   * selector, scanning the instances of its state (or of the machine): the path for rules no
   * property index can answer.
   */
  void collect(StateMachine machine, ComponentRuntime.Selector selector, Collection<InstanceSlot> out) {
    Collection<InstanceSlot> pool =
        selector.state() != null ? index.inState(machine, selector.state()) : index.all(machine);
    for (InstanceSlot slot : pool) {
      if (selector.accepts(slot.instance)) {
        out.add(slot);
      }
    }
  }

  /**
   * Keeps the candidates found by a property index that still belong here, are active and satisfy
   * one of the selectors on their current data.
   */
  List<InstanceSlot> filter(
      Collection<InstanceSlot> candidates, StateMachine machine, List<ComponentRuntime.Selector> selectors) {
    List<InstanceSlot> out = new ArrayList<>(candidates.size());
    for (InstanceSlot slot : candidates) {
      if (slot.removed || slot.instance.machine() != machine) {
        continue;
      }
      for (ComponentRuntime.Selector s : selectors) {
        if (s.accepts(slot.instance)) {
          out.add(slot);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Sends {@code event} to each target; counts deliveries and actual transitions. With a broker
   * {@code messageId} (else null), each target gets the event under an idempotency key of its own
   * derived from it, unless the event carries a key already.
   */
  Future<RoutingCount> deliverAll(Collection<InstanceSlot> targets, Event event, String messageId) {
    if (targets.isEmpty()) {
      return Future.succeededFuture(RoutingCount.NONE);
    }
    if (targets.size() == 1) {
      InstanceSlot slot = targets.iterator().next();
      return deliverOne(slot, event, messageId)
          .transform(ar -> Future.succeededFuture(
              new RoutingCount(1, ar.succeeded() && ar.result().transitioned() ? 1 : 0)));
    }
    List<Future<Processed>> results = new ArrayList<>(targets.size());
    for (InstanceSlot slot : targets) {
      results.add(deliverOne(slot, event, messageId));
    }
    return Future.join(results)
        .transform(
            ar -> {
              int processed = 0;
              for (Future<Processed> f : results) {
                if (f.succeeded() && f.result().transitioned()) {
                  processed++;
                }
              }
              return Future.succeededFuture(new RoutingCount(targets.size(), processed));
            });
  }

  /**
   * Submits a routed event to one target (under a key derived from the broker message, when there
   * is one and the event has no key), reporting a failure as a broadcast error.
   */
  private Future<Processed> deliverOne(InstanceSlot slot, Event event, String messageId) {
    Event keyed = messageId == null || event.idempotencyKey() != null
        ? event : event.withIdempotencyKey(MessageKeys.delivery(messageId, slot.instance.id()));
    return submit(slot, keyed).onFailure(e -> runtime.reportBroadcastError(slot.instance.id(), event, e));
  }

  private static RuntimeFailure finished(Instance instance) {
    return new RuntimeFailure(
        ErrorCode.INSTANCE_FINISHED,
        "Instance " + instance.id() + " is not active (it reached " + instance.state() + ")");
  }

  /** Instances an event was delivered to, and how many of them transitioned. */
  record RoutingCount(int matched, int processed) {
    static final RoutingCount NONE = new RoutingCount(0, 0);

    RoutingCount plus(RoutingCount o) {
      return new RoutingCount(matched + o.matched, processed + o.processed);
    }
  }
}
