package dev.xcomponent.application;

import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceView;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Finished (disposed) instances of one component, kept visible for a bounded retention: at most
 * {@code capacity} of them, none older than {@code maxAgeMs}. Oldest go first.
 *
 * <p>Retaining one costs a map entry and a place in a queue. The retained instances in listing
 * order (for listings filtered by status or state) are an ordered map built the first time such a
 * listing asks for it, then kept in step: until someone lists that way, finishing an instance
 * touches no ordered structure.
 */
final class FinishedInstances {
  private final int capacity;
  private final long maxAgeMs;
  private final LongSupplier clock;
  private final Map<String, Finished> byId = new ConcurrentHashMap<>();
  /** Retained instances, oldest first; guarded by its own lock (held for a peek, a poll or an add). */
  private final ArrayDeque<Finished> order = new ArrayDeque<>();
  /** Retained instances in listing order; null until a listing first asks for it. Set under the lock of {@link #order}. */
  private volatile ConcurrentSkipListMap<InstanceCursor, Finished> inListingOrder;
  private final java.util.function.Consumer<Finished> evicted;

  /** {@code evicted} hears of each instance no longer retained. */
  FinishedInstances(int capacity, long maxAgeMs, LongSupplier clock, java.util.function.Consumer<Finished> evicted) {
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
    this.evicted = evicted;
  }

  /**
   * A finished instance with the history it had: {@code history} gives it when asked (an audit
   * read is rare; finishing an instance should not pay for copying it).
   */
  record Finished(InstanceView view, Supplier<List<HistoryEntry>> history, long finishedAt) {}

  /** Retains a finished instance; returns its record, or null when nothing is retained. */
  Finished add(InstanceView view, Supplier<List<HistoryEntry>> history) {
    if (capacity == 0) {
      return null;
    }
    Finished f = new Finished(view, history, clock.getAsLong());
    byId.put(view.id(), f);
    synchronized (order) {
      order.addLast(f);
      ConcurrentSkipListMap<InstanceCursor, Finished> sorted = inListingOrder;
      if (sorted != null) {
        sorted.put(InstanceCursor.of(view), f);
      }
    }
    evict();
    return f;
  }

  Finished get(String id) {
    evict();
    return byId.get(id);
  }

  /**
   * Retained views in listing order (newest first: creation time then id, descending), after
   * {@code after} when not null.
   */
  Iterator<InstanceView> after(InstanceCursor after) {
    evict();
    ConcurrentSkipListMap<InstanceCursor, Finished> sorted = inListingOrder();
    Iterator<Finished> it = (after == null ? sorted : sorted.tailMap(after, false)).values().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public InstanceView next() {
        return it.next().view();
      }
    };
  }

  /** The retained instances in listing order, built from the queue on first use. */
  private ConcurrentSkipListMap<InstanceCursor, Finished> inListingOrder() {
    ConcurrentSkipListMap<InstanceCursor, Finished> sorted = inListingOrder;
    if (sorted != null) {
      return sorted;
    }
    synchronized (order) {
      if (inListingOrder == null) {
        ConcurrentSkipListMap<InstanceCursor, Finished> built = new ConcurrentSkipListMap<>(java.util.Comparator.reverseOrder());
        for (Finished f : order) {
          built.put(InstanceCursor.of(f.view()), f);
        }
        inListingOrder = built;
      }
      return inListingOrder;
    }
  }

  /**
   * Drops the oldest while there are too many or they are too old. Each is taken off the head
   * under the lock, so threads evicting at the same time never pick the same one, and nothing is
   * searched for.
   */
  private void evict() {
    long oldest = clock.getAsLong() - maxAgeMs;
    while (true) {
      Finished gone;
      ConcurrentSkipListMap<InstanceCursor, Finished> sorted;
      synchronized (order) {
        Finished first = order.peekFirst();
        if (first == null || (order.size() <= capacity && first.finishedAt() >= oldest)) {
          return;
        }
        gone = order.pollFirst();
        sorted = inListingOrder;
      }
      byId.remove(gone.view().id(), gone);
      if (sorted != null) {
        sorted.remove(InstanceCursor.of(gone.view()), gone);
      }
      evicted.accept(gone);
    }
  }
}
