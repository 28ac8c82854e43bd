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

/**
 * Finished (disposed) instances of one component, kept visible for a bounded retention: at most
 * {@code capacity} of them, none older than {@code maxAgeMs}. Oldest go first.
 */
final class FinishedInstances {
  private final int capacity;
  private final long maxAgeMs;
  private final LongSupplier clock;
  private final Map<String, Finished> byId = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<InstanceCursor, Finished> inListingOrder =
      new ConcurrentSkipListMap<>(java.util.Comparator.reverseOrder());
  /** Retained instances, oldest first; guarded by its own lock (held for a peek, a poll or an add). */
  private final ArrayDeque<Finished> order = new ArrayDeque<>();
  private final java.util.function.Consumer<Finished> evicted;

  /** {@code evicted} hears of each instance no longer retained. */
  FinishedInstances(int capacity, long maxAgeMs, LongSupplier clock, java.util.function.Consumer<Finished> evicted) {
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
    this.evicted = evicted;
  }

  /** A finished instance with the history it had. */
  record Finished(InstanceView view, List<HistoryEntry> history, long finishedAt) {}

  /** Retains a finished instance; returns its record, or null when nothing is retained. */
  Finished add(InstanceView view, List<HistoryEntry> history) {
    if (capacity == 0) {
      return null;
    }
    Finished f = new Finished(view, history == null ? List.of() : history, clock.getAsLong());
    byId.put(view.id(), f);
    inListingOrder.put(InstanceCursor.of(view), f);
    synchronized (order) {
      order.addLast(f);
    }
    evict();
    return f;
  }

  /** Whether {@code f} is still retained. */
  boolean retains(Finished f) {
    return byId.get(f.view().id()) == f;
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
    Iterator<Finished> it =
        (after == null ? inListingOrder : inListingOrder.tailMap(after, false)).values().iterator();
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

  /**
   * Drops the oldest while there are too many or they are too old. Each is taken off the head
   * under the lock, so threads evicting at the same time never pick the same one, and nothing is
   * searched for.
   */
  private void evict() {
    long oldest = clock.getAsLong() - maxAgeMs;
    while (true) {
      Finished gone;
      synchronized (order) {
        Finished first = order.peekFirst();
        if (first == null || (order.size() <= capacity && first.finishedAt() >= oldest)) {
          return;
        }
        gone = order.pollFirst();
      }
      byId.remove(gone.view().id(), gone);
      inListingOrder.remove(InstanceCursor.of(gone.view()), gone);
      evicted.accept(gone);
    }
  }
}
