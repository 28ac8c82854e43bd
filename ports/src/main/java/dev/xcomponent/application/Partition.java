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
  private final InstanceIndex index = new InstanceIndex();

  Partition(ComponentRuntime runtime, Context context) {
    this.runtime = runtime;
    this.context = context;
  }

  Context context() {
    return context;
  }

  InstanceIndex index() {
    return index;
  }

  /** Creates an instance here, records its creation and arms the timers of its initial state. */
  InstanceSlot create(
      StateMachine machine,
      String id,
      Map<String, Object> data,
      boolean entryPoint,
      String parentId,
      String parentMachine,
      String cause) {
    long now = runtime.now();
    InstanceCreated created =
        Evolver.creation(
            machine, id, Values.freeze(data), now, entryPoint, parentId, parentMachine, cause);
    Instance instance = Evolver.create(runtime.component(), created);
    InstanceSlot slot = new InstanceSlot(this, instance);
    runtime.register(slot);
    index.add(slot);
    runtime.properties().add(slot);
    runtime.recordCreation(slot, created);
    applyTimers(slot, TimerPlan.atCreation(machine, instance.state()));
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
    Transition t = TransitionEngine.select(instance, event);
    if (t == null) {
      runtime.reportIgnored(instance, event);
      return Future.succeededFuture(
          new Processed(instance, instance, false, TransitionEngine.ignoredReason(instance, event)));
    }
    HookPlan plan = runtime.hookPlan(instance.machine(), t);
    if (!plan.runsCode()) {
      InstanceData data = TransitionEngine.mergePayload(InstanceData.of(instance), t, event);
      return Future.succeededFuture(commit(slot, t, event, data, null, plan));
    }
    slot.busy = true;
    HookRun run = new HookRun(runtime, slot, t, event, plan);
    return run.run()
        .map(v -> commit(slot, t, event, run.data(), run.outbound(), plan))
        .andThen(
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

  private Processed commit(
      InstanceSlot slot,
      Transition t,
      Event event,
      InstanceData data,
      Outbound outbound,
      HookPlan plan) {
    Instance before = slot.instance;
    Transitioned tr = TransitionEngine.complete(runtime.name(), before, t, event, data, runtime.now());
    Instance after = tr.after();
    slot.instance = after;
    index.move(slot, before, after);
    runtime.properties().move(slot, before, after);
    runtime.recordTransition(slot, tr);
    applyTimers(slot, tr.timers());
    runtime.reportTransition(tr, plan);
    if (outbound != null) {
      runtime.release(slot, outbound);
    }
    for (Effect effect : tr.effects()) {
      runtime.carryOut(this, tr, effect);
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

  private void applyTimers(InstanceSlot slot, TimerPlan plan) {
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
      arm(slot, t);
    }
  }

  private void arm(InstanceSlot slot, Transition t) {
    long delay = t.delayMs();
    long dueAt = runtime.now() + delay;
    long[] holder = new long[1];
    holder[0] = runtime.vertx().setTimer(Math.max(1, delay), id -> fire(slot, t, id));
    List<InstanceSlot.ArmedTimer> timers = slot.timers == null ? new ArrayList<>(2) : new ArrayList<>(slot.timers);
    timers.add(new InstanceSlot.ArmedTimer(t.index(), holder[0], dueAt));
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
    Event event = Event.of(t.event(), Map.of("reason", reason), runtime.now());
    submit(slot, event).onFailure(e -> runtime.logDeliveryFailure(instance.id(), event, e));
  }

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

  /** Sends {@code event} to each target; counts deliveries and actual transitions. */
  Future<RoutingCount> deliverAll(Collection<InstanceSlot> targets, Event event) {
    if (targets.isEmpty()) {
      return Future.succeededFuture(RoutingCount.NONE);
    }
    List<Future<Processed>> results = new ArrayList<>(targets.size());
    for (InstanceSlot slot : targets) {
      results.add(
          submit(slot, event)
              .onFailure(e -> runtime.reportBroadcastError(slot.instance.id(), event, e)));
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
