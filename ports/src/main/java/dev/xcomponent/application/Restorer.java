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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back, at start-up, every unfinished instance of a component from the store (and its
 * finished entry points, which are never disposed): its latest
 * snapshot, then the events recorded after it replayed (user code never runs again). Timers are
 * re-armed from the recorded times: one that fell due while the process was down fires once, at
 * start. Progress is logged for large stores and a summary line at the end (restored, finished
 * skipped, failed).
 *
 * <p>Instances are restored page by page, in instance-id order, reading ahead by one page: the
 * next page's snapshots are read while the current page's events are, and its events while the
 * current page is rebuilt and put back. At most two pages are held at any time.
 */
final class Restorer {
  private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
  static final int PAGE = 1000;

  private final ComponentRuntime rt;
  private final SnapshotStore snapshots;
  // counted on the partitions, where instances are rebuilt
  private final AtomicInteger restored = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  /** A page of the restore: active snapshots in id order, read, and the events after each, being read. */
  private record Page(List<InstanceSnapshot> snapshots, Future<Map<String, List<StoredEvent>>> events) {
    /** True when the store may hold more snapshots after this page. */
    boolean full() {
      return snapshots.size() >= PAGE;
    }

    String lastId() {
      return snapshots.get(snapshots.size() - 1).instanceId();
    }
  }

  Restorer(ComponentRuntime rt) {
    this.rt = rt;
    this.snapshots = (SnapshotStore) rt.journal().store();
  }

  Future<Void> run() {
    long start = System.currentTimeMillis();
    return read(null).compose(this::restoreFrom).compose(v -> finishedEntryPoints()).onSuccess(v -> LOG.info(
        "component {}: restored {} instances ({} finished since their snapshot, {} failed) in {} ms",
        rt.name(), restored.get(), finished.get(), failed.get(), System.currentTimeMillis() - start));
  }

  /**
   * Brings back the entry points that reached a final or error state: they are never disposed
   * (ADR 0005), so they stay visible, and the runtime must not create another one at start.
   */
  private Future<Void> finishedEntryPoints() {
    return snapshots.entryPoints(rt.name()).compose(all -> {
      List<InstanceSnapshot> done = all.stream().filter(s -> !s.isActive()).toList();
      return done.isEmpty() ? Future.succeededFuture() : eventsAfter(done).compose(events -> restore(done, events));
    });
  }

  /**
   * Reads the snapshots of the page after {@code after} (from the start when null), and starts
   * reading their events as soon as they are in.
   */
  private Future<Page> read(String after) {
    return snapshots.activeSnapshots(rt.name(), after, PAGE).map(list -> new Page(list, eventsAfter(list)));
  }

  private Future<Map<String, List<StoredEvent>>> eventsAfter(List<InstanceSnapshot> list) {
    if (list.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Map<String, Long> afterSeq = new LinkedHashMap<>(list.size() * 2);
    list.forEach(s -> afterSeq.put(s.instanceId(), s.seq()));
    return rt.journal().store().eventsAfter(afterSeq);
  }

  /**
   * Restores {@code page}, then the pages after it. While this page's events arrive and it is
   * restored, the next page is read (its snapshots, then its events); the one after that only once
   * this page is restored.
   */
  private Future<Void> restoreFrom(Page page) {
    if (page.snapshots().isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Page> next = page.full() ? read(page.lastId()) : null;
    return page.events()
        .compose(events -> restore(page.snapshots(), events))
        .compose(v -> next == null ? Future.succeededFuture() : next.compose(this::restoreFrom));
  }

  /**
   * Rebuilds the instances of a page and puts the unfinished ones back, on their partitions (the
   * rebuilding runs there too, spread over the partitions).
   */
  private Future<Void> restore(List<InstanceSnapshot> page, Map<String, List<StoredEvent>> events) {
    int before = restored.get();
    return rt.restoreAll(page, InstanceSnapshot::instanceId, s -> restoreOne(s, events)).onSuccess(v -> {
      int now = restored.get();
      if (now / 10_000 != before / 10_000) {
        LOG.info("component {}: {} instances restored so far", rt.name(), now);
      }
    });
  }

  /** The instance to put back for a snapshot, counted; null (and counted) when finished or failed. */
  private ComponentRuntime.Restored restoreOne(InstanceSnapshot s, Map<String, List<StoredEvent>> events) {
    try {
      ComponentRuntime.Restored r = rebuild(s, events.getOrDefault(s.instanceId(), List.of()));
      (r == null ? finished : restored).incrementAndGet();
      return r;
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      LOG.warn("component {}: instance {} not restored: {}", rt.name(), s.instanceId(), e.getMessage());
      return null;
    }
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
    List<InstanceSnapshot.ArmedTimer> timers = s.timers(); // never changed in place: replays make new lists
    for (StoredEvent e : events) {
      if (e.isCreation()) {
        continue;
      }
      TransitionRecorded r = StoredEvents.transition(e);
      current = Evolver.apply(current, r);
      timers = replayTimers(machine, timers, r);
    }
    if (!current.isActive() && !current.isEntryPoint()) {
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
    if (plan.isEmpty()) {
      return timers;
    }
    if (plan.cancelAll() && plan.arm().isEmpty()) {
      return List.of();
    }
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
