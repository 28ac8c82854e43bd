package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The instances of one component in listing order (newest first: creation time then id,
 * descending), readable from any thread, so that a page of a listing (from a cursor) costs about
 * what it returns rather than the size of the component.
 *
 * <ul>
 *   <li>Every instance, live or finished and still retained, has one entry in one ordered map,
 *       made at its creation: its slot. When it finishes, the entry stays as it is (the slot then
 *       holds the final image and is marked removed, which lists it as finished); it goes when the
 *       instance is no longer retained. An instance never changes place, so a listing that walks
 *       the map neither skips nor repeats an instance whatever happens to it meanwhile, and
 *       finishing one costs no search in the map.
 *   <li>Live instances that are no longer active (finished entry points) are in a small ordered
 *       set, for listings by status {@code completed} or {@code error} (with the finished ones).
 *   <li>Ordered sets of live instances per (machine, state), for listings filtered by state, are
 *       built the first time such a listing names a machine (each partition adds its own instances
 *       on its context, as for {@link PropertyIndexes}) and kept in step from then on by the
 *       partitions' transitions. Until a machine's sets are complete, its listings walk the map.
 *       An instance moving between these sets may be missed by a listing that runs meanwhile,
 *       which is right for one that left the state, and fine for one that just entered it; one
 *       that stays in the state is always listed.
 * </ul>
 *
 * <p>Writers are the owning partitions; readers re-check what they read against the instance's
 * current image.
 */
final class ListingIndex {
  /** Slots of the live and the retained finished instances, by position. */
  private final ConcurrentSkipListMap<Key, InstanceSlot> all = new ConcurrentSkipListMap<>(ORDER);
  private final ConcurrentSkipListSet<Key> inactive = new ConcurrentSkipListSet<>(ORDER);
  private final Map<StateMachine, ByState> byMachine = new IdentityHashMap<>();

  /**
   * What the ordered structures compare: a live instance ({@link InstanceSlot}: the structures
   * hold the slots themselves, so indexing an instance costs one entry) or a position.
   */
  interface Key {
    /** Creation time (epoch ms); never changes. */
    long listedAt();

    /** Instance id; never changes. */
    String listedId();
  }

  /**
   * Listing order, newest first: creation time then id, both descending. The structures are kept
   * in this order so that a listing walks them forwards (a skip list's cheap direction).
   */
  static final Comparator<Key> ORDER = (a, b) -> {
    int c = Long.compare(b.listedAt(), a.listedAt());
    return c != 0 ? c : b.listedId().compareTo(a.listedId());
  };

  private record Probe(long listedAt, String listedId) implements Key {}

  /** The ordered sets of one machine, by state. */
  static final class ByState {
    final ConcurrentHashMap<String, ConcurrentSkipListSet<Key>> states = new ConcurrentHashMap<>();
    final Set<Partition> built = ConcurrentHashMap.newKeySet();
    final AtomicBoolean requested = new AtomicBoolean();
    volatile boolean complete;

    /** Whether partition {@code p}'s changes must be recorded here. */
    boolean kept(Partition p) {
      return requested.get() && (complete || built.contains(p));
    }

    void put(InstanceSlot slot, String state) {
      states.computeIfAbsent(state, k -> new ConcurrentSkipListSet<>(ORDER)).add(slot);
    }

    void remove(InstanceSlot slot, String state) {
      ConcurrentSkipListSet<Key> set = states.get(state);
      if (set != null) {
        set.remove(slot);
      }
    }
  }

  /** {@code machines}: those of the component, the only ones its instances can have. */
  ListingIndex(Collection<StateMachine> machines) {
    for (StateMachine m : machines) {
      byMachine.put(m, new ByState());
    }
  }

  // ---- maintenance by the owning partition ---------------------------------------------------

  void add(InstanceSlot slot) {
    Instance i = slot.instance;
    all.put(slot, slot);
    if (!i.isActive()) {
      inactive.add(slot);
    }
    ByState bs = byMachine.get(i.machine());
    if (bs != null && bs.kept(slot.partition)) {
      bs.put(slot, i.state());
    }
  }

  /** After {@code slot} went from {@code before} to {@code after}. */
  void move(InstanceSlot slot, Instance before, Instance after) {
    if (before.isActive() != after.isActive()) {
      if (after.isActive()) {
        inactive.remove(slot);
      } else {
        inactive.add(slot);
      }
    }
    if (before.state().equals(after.state())) {
      return;
    }
    ByState bs = byMachine.get(after.machine());
    if (bs != null && bs.kept(slot.partition)) {
      // In the new state first: a reader may see it twice (it keeps one), never in neither.
      bs.put(slot, after.state());
      bs.remove(slot, before.state());
    }
  }

  /**
   * Once {@code slot} is disposed ({@code i} its last image): its entry stays while {@code f} is
   * retained, and goes now when nothing is retained ({@code f} null).
   */
  void finish(InstanceSlot slot, Instance i, FinishedInstances.Finished f) {
    if (f == null) {
      all.remove(slot, slot);
    }
    inactive.remove(slot);
    ByState bs = byMachine.get(i.machine());
    if (bs != null) {
      bs.remove(slot, i.state());
    }
  }

  /**
   * A finished instance no longer retained: its entry goes, unless the position now holds a live
   * instance (one re-created with the same id in the same millisecond).
   */
  void forget(FinishedInstances.Finished f) {
    all.computeIfPresent(new Probe(f.view().createdAt(), f.view().id()), (k, slot) -> slot.removed ? null : slot);
  }

  /**
   * Asks every partition to add its instances of {@code machine} to the machine's sets, once. The
   * sets serve listings once all have.
   */
  private void requestBuild(StateMachine machine, Partition[] partitions, Iterable<InstanceSlot> live) {
    ByState bs = byMachine.get(machine);
    if (bs == null || !bs.requested.compareAndSet(false, true)) {
      return;
    }
    for (Partition p : partitions) {
      p.context().runOnContext(v -> buildOn(p, machine, bs, live, partitions.length));
    }
  }

  /** Runs on {@code p}'s context: no instance of {@code p} changes meanwhile. */
  private static void buildOn(Partition p, StateMachine machine, ByState bs, Iterable<InstanceSlot> live, int partitions) {
    for (InstanceSlot slot : live) {
      Instance i = slot.instance;
      if (slot.partition == p && !slot.removed && i.machine() == machine) {
        bs.put(slot, i.state());
      }
    }
    bs.built.add(p);
    if (bs.built.size() == partitions) {
      bs.complete = true;
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  /**
   * The sources, each newest first and already filtered, that together hold the component's
   * instances matching {@code q} after {@code q.after()}: the whole map, or the sets a filter
   * allows (with the finished instances, from {@code finishedAfter}). Requests the sets a state
   * filter would use when they are not built yet.
   */
  List<Iterator<Listed>> sources(
      ComponentRuntime rt,
      InstanceQuery q,
      Partition[] partitions,
      Iterable<InstanceSlot> live,
      Supplier<Iterator<InstanceView>> finishedAfter) {
    if ("completed".equals(q.status()) || "error".equals(q.status())) {
      return List.of(Listed.live(rt, slots(inactive, q.after()), q), Listed.finished(finishedAfter.get(), q));
    }
    if (q.state() == null) {
      return List.of(Listed.live(rt, entries(q.after()), q));
    }
    List<Iterator<Listed>> out = new ArrayList<>();
    for (Map.Entry<StateMachine, ByState> e : byMachine.entrySet()) {
      StateMachine m = e.getKey();
      if ((q.machine() != null && !q.machine().equals(m.name())) || m.state(q.state()) == null) {
        continue;
      }
      ByState bs = e.getValue();
      if (!bs.complete) {
        requestBuild(m, partitions, live);
        return List.of(Listed.live(rt, entries(q.after()), q));
      }
      ConcurrentSkipListSet<Key> set = bs.states.get(q.state());
      if (set != null) {
        out.add(Listed.live(rt, slots(set, q.after()), q));
      }
    }
    if (!"active".equals(q.status())) {
      out.add(Listed.finished(finishedAfter.get(), q));
    }
    return out;
  }

  /** The slots of the map, live and finished, newest first, from before {@code after}. */
  private Iterator<InstanceSlot> entries(InstanceCursor after) {
    return (after == null ? all : all.tailMap(probe(after), false)).values().iterator();
  }

  private static Iterator<InstanceSlot> slots(NavigableSet<Key> set, InstanceCursor after) {
    Iterator<Key> it = (after == null ? set : set.tailSet(probe(after), false)).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public InstanceSlot next() {
        return (InstanceSlot) it.next(); // only slots are ever added
      }
    };
  }

  private static Probe probe(InstanceCursor c) {
    return new Probe(c.createdAt(), c.id());
  }

  // ---- merging ordered sources -----------------------------------------------------------------

  /**
   * Merges iterators each in listing order (newest first: {@link InstanceCursor} descending) into
   * one in that order, keeping one item of each position (an instance met twice, moving between
   * sources, is listed once). Sources are pulled lazily: one moves on only when the item after its
   * last one is wanted.
   */
  static <T> Iterator<T> merge(List<Iterator<T>> sources, Function<T, InstanceCursor> position) {
    PriorityQueue<Head<T>> heads = new PriorityQueue<>();
    for (Iterator<T> it : sources) {
      if (it.hasNext()) {
        T first = it.next();
        heads.add(new Head<>(position.apply(first), first, it));
      }
    }
    return new Iterator<>() {
      private InstanceCursor last;
      private Iterator<T> pending;
      private T next;

      private T advance() {
        while (true) {
          if (pending != null) {
            if (pending.hasNext()) {
              T following = pending.next();
              heads.add(new Head<>(position.apply(following), following, pending));
            }
            pending = null;
          }
          Head<T> h = heads.poll();
          if (h == null) {
            return null;
          }
          pending = h.source;
          if (last == null || h.position.compareTo(last) < 0) {
            last = h.position;
            return h.item;
          }
        }
      }

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T out = next;
        next = null;
        return out;
      }
    };
  }

  private record Head<T>(InstanceCursor position, T item, Iterator<T> source) implements Comparable<Head<T>> {
    @Override
    public int compareTo(Head<T> o) {
      return o.position.compareTo(position); // the newest first
    }
  }
}
