package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Evolver;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.TimerPlan;
import dev.xcomponent.domain.engine.TransitionRecorded;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back, at start-up, every unfinished instance of a component from the store: its latest
 * snapshot, then the events recorded after it replayed (user code never runs again). Timers are
 * re-armed from the recorded times: one that fell due while the process was down fires once, at
 * start. Instances are restored page by page; progress is logged for large stores and a summary
 * line at the end (restored, finished skipped, failed).
 */
final class Restorer {
  private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
  private static final int PAGE = 500;

  private final ComponentRuntime rt;
  private final SnapshotStore snapshots;
  private int restored;
  private int finished;
  private int failed;

  Restorer(ComponentRuntime rt) {
    this.rt = rt;
    this.snapshots = (SnapshotStore) rt.journal().store();
  }

  Future<Void> run() {
    long start = System.currentTimeMillis();
    return page(null).onSuccess(v -> LOG.info(
        "component {}: restored {} instances ({} finished since their snapshot, {} failed) in {} ms",
        rt.name(), restored, finished, failed, System.currentTimeMillis() - start));
  }

  private Future<Void> page(String after) {
    return snapshots.activeSnapshots(rt.name(), after, PAGE).compose(list -> {
      if (list.isEmpty()) {
        return Future.succeededFuture();
      }
      Map<String, Long> after0 = new LinkedHashMap<>();
      list.forEach(s -> after0.put(s.instanceId(), s.seq()));
      return rt.journal().store().eventsAfter(after0).compose(events -> {
        List<ComponentRuntime.Restored> back = new ArrayList<>(list.size());
        for (InstanceSnapshot s : list) {
          try {
            ComponentRuntime.Restored r = rebuild(s, events.getOrDefault(s.instanceId(), List.of()));
            if (r != null) {
              back.add(r);
            }
          } catch (RuntimeException e) {
            failed++;
            LOG.warn("component {}: instance {} not restored: {}", rt.name(), s.instanceId(), e.getMessage());
          }
        }
        restored += back.size();
        return rt.restoreAll(back);
      }).compose(v -> {
        if (restored / 10_000 != (restored - list.size()) / 10_000) {
          LOG.info("component {}: {} instances restored so far", rt.name(), restored);
        }
        return list.size() < PAGE ? Future.succeededFuture() : page(list.get(list.size() - 1).instanceId());
      });
    });
  }

  /** The instance a snapshot and the events after it describe; null when it finished since. */
  private ComponentRuntime.Restored rebuild(InstanceSnapshot s, List<StoredEvent> events) {
    StateMachine machine = rt.component().machine(s.machineName());
    if (machine == null) {
      throw new IllegalStateException("machine " + s.machineName() + " is not in the component any more");
    }
    Instance current = new Instance(
        s.instanceId(), machine, s.state(),
        s.publicMember() == null ? null : Values.freeze(s.publicMember()), Values.freeze(s.context()),
        StoredEvents.status(s.status()), s.createdAt(), s.updatedAt(), s.entryPoint(), s.parentId(),
        s.parentMachine(), s.seq(), s.correlationId());
    List<InstanceSnapshot.ArmedTimer> timers = new ArrayList<>(s.timers());
    for (StoredEvent e : events) {
      if (e.isCreation()) {
        continue;
      }
      TransitionRecorded r = StoredEvents.transition(e);
      current = Evolver.apply(current, r);
      timers = replayTimers(machine, timers, r);
    }
    if (!current.isActive() && !current.isEntryPoint()) {
      finished++;
      return null;
    }
    return new ComponentRuntime.Restored(current, current.isActive() ? timers : List.of());
  }

  /** The timers after a replayed transition, by the same rules the runtime applied then. */
  private static List<InstanceSnapshot.ArmedTimer> replayTimers(
      StateMachine machine, List<InstanceSnapshot.ArmedTimer> timers, TransitionRecorded r) {
    Transition fired = r.transitionIndex() >= 0 && r.transitionIndex() < machine.transitions().size()
        ? machine.transitions().get(r.transitionIndex())
        : null;
    if (fired == null) {
      return timers;
    }
    TimerPlan plan = TimerPlan.afterTransition(machine, fired, !r.status().equals(dev.xcomponent.domain.engine.InstanceStatus.ACTIVE));
    List<InstanceSnapshot.ArmedTimer> out = new ArrayList<>();
    if (!plan.cancelAll()) {
      for (InstanceSnapshot.ArmedTimer a : timers) {
        if (plan.cancel().stream().noneMatch(t -> t.index() == a.transitionIndex())) {
          out.add(a);
        }
      }
    }
    for (Transition t : plan.arm()) {
      out.add(new InstanceSnapshot.ArmedTimer(t.index(), r.timestamp() + t.delayMs()));
    }
    return out;
  }
}
