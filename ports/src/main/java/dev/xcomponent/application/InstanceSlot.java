package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceEvent;
import dev.xcomponent.port.HistoryEntry;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The mutable home of one live instance inside its partition. Only the owning partition's context
 * writes it; other threads may read {@link #instance} (an immutable image) for views.
 *
 * <p>Rarely used parts (the queue of waiting events, armed timers, the in-memory history) are
 * allocated on first use, so an idle instance costs little memory.
 */
final class InstanceSlot implements ListingIndex.Key {
  final Partition partition;
  volatile Instance instance;
  /** True while user code of a transition is running: later events wait in {@link #queue}. */
  boolean busy;
  /** True once the instance left its partition (disposed). */
  volatile boolean removed;
  /**
   * True after a write whose outcome is unknown (time-out, lost connection, conflict): before its
   * next event the instance catches up with what the store holds.
   */
  boolean suspect;
  ArrayDeque<Waiting> queue;
  volatile List<ArmedTimer> timers;
  volatile HistoryRing history;

  InstanceSlot(Partition partition, Instance instance) {
    this.partition = partition;
    this.instance = instance;
  }

  @Override
  public long listedAt() {
    return instance.createdAt();
  }

  @Override
  public String listedId() {
    return instance.id();
  }

  /** An event waiting for the instance to finish its current transition. */
  record Waiting(Event event, Promise<Processed> promise) {}

  /**
   * A timer armed for a timed transition.
   *
   * @param transitionIndex identity of the timed transition
   * @param timerId Vert.x timer id
   * @param dueAt epoch ms when it fires
   * @param cause id of the recorded event that armed it, or null when unknown (restored)
   */
  record ArmedTimer(int transitionIndex, long timerId, long dueAt, String cause) {}

  void addHistory(InstanceEvent entry, int limit) {
    if (limit <= 0) {
      return;
    }
    HistoryRing h = history;
    if (h == null) {
      h = new HistoryRing(limit);
      history = h;
    }
    h.add(entry);
  }

  /** The recorded events kept in memory, oldest first, as history entries of {@code component}. */
  List<HistoryEntry> historySnapshot(String component) {
    HistoryRing h = history;
    if (h == null) {
      return List.of();
    }
    String machine = instance.machine().name();
    List<HistoryEntry> out = new java.util.ArrayList<>();
    for (InstanceEvent e : h.snapshot()) {
      out.add(HistoryEntries.of(component, machine, e));
    }
    return out;
  }
}
