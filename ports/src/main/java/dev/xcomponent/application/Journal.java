package dev.xcomponent.application;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Group commit in front of an event store: writes asked for by many instances (of every component
 * and partition) while earlier writes are in flight are gathered into one append, so throughput
 * follows the store's capacity rather than its round-trip time.
 *
 * <p>Bounds: at most {@code maxBatch} writes per append, {@code maxInFlight} appends at once,
 * {@code maxWaiting} writes waiting (beyond, a write fails at once with UNAVAILABLE: nothing is
 * held without bound while the store is away), and each append must answer within {@code
 * timeoutMs}. Writes of one instance never share a batch with a later write of the same instance:
 * an instance waits for its write before it makes the next one.
 */
final class Journal {
  private final EventStore store;
  private final int maxBatch;
  private final int maxInFlight;
  private final int maxWaiting;
  private final long timeoutMs;
  private final ArrayDeque<Write> waiting = new ArrayDeque<>();
  private int inFlight;

  /** One instance's events and snapshots that must be written together. */
  private record Write(
      List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox, Promise<AppendResult> done) {}

  Journal(EventStore store, int maxBatch, int maxInFlight, int maxWaiting, long timeoutMs) {
    this.store = store;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.maxWaiting = maxWaiting;
    this.timeoutMs = timeoutMs;
  }

  EventStore store() {
    return store;
  }

  /** Writes {@code events} and {@code snapshots} atomically, batched with other writes. */
  Future<AppendResult> write(List<StoredEvent> events, List<InstanceSnapshot> snapshots) {
    return write(events, snapshots, List.of());
  }

  /** Writes events, snapshots and the outbox messages of the events atomically, batched with other writes. */
  Future<AppendResult> write(List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox) {
    Promise<AppendResult> done = Promise.promise();
    synchronized (this) {
      if (waiting.size() >= maxWaiting) {
        return Future.failedFuture(new StoreFailure(StoreFailure.Reason.UNAVAILABLE,
            "the event store is not keeping up: " + waiting.size() + " writes already waiting"));
      }
      waiting.add(new Write(events, snapshots, outbox, done));
    }
    pump();
    return done.future();
  }

  private void pump() {
    List<Write> batch;
    synchronized (this) {
      if (inFlight >= maxInFlight || waiting.isEmpty()) {
        return;
      }
      inFlight++;
      batch = new ArrayList<>(Math.min(maxBatch, waiting.size()));
      while (batch.size() < maxBatch && !waiting.isEmpty()) {
        batch.add(waiting.poll());
      }
    }
    append(batch).onComplete(ar -> {
      synchronized (this) {
        inFlight--;
      }
      pump();
    });
    pump();
  }

  /** Appends a batch; when it conflicts, retries each write alone so one conflict fails only its own. */
  private Future<Void> append(List<Write> batch) {
    List<StoredEvent> events = new ArrayList<>();
    List<InstanceSnapshot> snapshots = new ArrayList<>();
    List<OutboxMessage> outbox = new ArrayList<>(0);
    for (Write w : batch) {
      events.addAll(w.events());
      snapshots.addAll(w.snapshots());
      outbox.addAll(w.outbox());
    }
    return store.append(events, snapshots, outbox)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .transform(ar -> {
          if (ar.succeeded()) {
            batch.forEach(w -> w.done().complete(ar.result()));
            return Future.succeededFuture();
          }
          Throwable cause = unavailableUnlessStoreFailure(ar.cause());
          if (batch.size() > 1 && cause instanceof StoreFailure f && f.reason() == StoreFailure.Reason.CONFLICT) {
            List<Future<Void>> alone = new ArrayList<>();
            for (Write w : batch) {
              alone.add(append(List.of(w)));
            }
            return Future.join(alone).mapEmpty();
          }
          batch.forEach(w -> w.done().fail(cause));
          return Future.succeededFuture();
        });
  }

  private static Throwable unavailableUnlessStoreFailure(Throwable t) {
    if (t instanceof StoreFailure) {
      return t;
    }
    return new StoreFailure(StoreFailure.Reason.UNAVAILABLE,
        "the event store did not answer: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), t);
  }
}
