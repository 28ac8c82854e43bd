package dev.xcomponent.application;

import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final ConcurrentLinkedDeque<Finished> order = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  FinishedInstances(int capacity, long maxAgeMs, LongSupplier clock) {
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
  }

  /** A finished instance with the history it had. */
  record Finished(InstanceView view, List<HistoryEntry> history, long finishedAt) {}

  void add(InstanceView view, List<HistoryEntry> history) {
    if (capacity == 0) {
      return;
    }
    Finished f = new Finished(view, history == null ? List.of() : history, clock.getAsLong());
    byId.put(view.id(), f);
    order.addLast(f);
    size.incrementAndGet();
    evict();
  }

  Finished get(String id) {
    evict();
    return byId.get(id);
  }

  /** Retained views, newest first. */
  List<InstanceView> views() {
    evict();
    List<InstanceView> out = new ArrayList<>();
    Iterator<Finished> it = order.descendingIterator();
    while (it.hasNext()) {
      out.add(it.next().view());
    }
    return out;
  }

  private void evict() {
    long oldest = clock.getAsLong() - maxAgeMs;
    while (true) {
      Finished first = order.peekFirst();
      if (first == null || (size.get() <= capacity && first.finishedAt() >= oldest)) {
        return;
      }
      if (order.remove(first)) {
        size.decrementAndGet();
        byId.remove(first.view().id(), first);
      }
    }
  }
}
