package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.port.HistoryEntry;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable home of one live instance inside its partition. Only the owning partition's context
 * writes it; other threads may read {@link #instance} (an immutable image) for views.
 *
 * <p>Rarely used parts (the queue of waiting events, armed timers, the in-memory history) are
 * allocated on first use, so an idle instance costs little memory.
 */
final class InstanceSlot {
  final Partition partition;
  volatile Instance instance;
  /** True while user code of a transition is running: later events wait in {@link #queue}. */
  boolean busy;
  /** True once the instance left its partition (disposed). */
  volatile boolean removed;
  ArrayDeque<Waiting> queue;
  volatile List<ArmedTimer> timers;
  volatile List<HistoryEntry> history;

  InstanceSlot(Partition partition, Instance instance) {
    this.partition = partition;
    this.instance = instance;
  }

  /** An event waiting for the instance to finish its current transition. */
  record Waiting(Event event, Promise<Processed> promise) {}

  /**
   * A timer armed for a timed transition.
   *
   * @param transitionIndex identity of the timed transition
   * @param timerId Vert.x timer id
   * @param dueAt epoch ms when it fires
   */
  record ArmedTimer(int transitionIndex, long timerId, long dueAt) {}

  void addHistory(HistoryEntry entry, int limit) {
    if (limit <= 0) {
      return;
    }
    List<HistoryEntry> h = history;
    if (h == null) {
      h = new ArrayList<>(4);
    } else {
      h = new ArrayList<>(h);
      if (h.size() >= limit) {
        h.remove(0);
      }
    }
    h.add(entry);
    history = h;
  }
}
