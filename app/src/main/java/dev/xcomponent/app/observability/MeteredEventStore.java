package dev.xcomponent.app.observability;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EventStore} (and {@link SnapshotStore}: the runtimes need both) that times every call
 * of the store it wraps: {@code xcomponent_store_seconds} and {@code xcomponent_store_errors_total}
 * by {@code operation}. It changes nothing else: results and failures pass through as they are.
 */
final class MeteredEventStore implements EventStore, SnapshotStore {
  private final EventStore store;
  private final SnapshotStore snapshots;
  private final OperationMeters meters;

  MeteredEventStore(EventStore store, MeterRegistry registry) {
    if (!(store instanceof SnapshotStore s)) {
      throw new IllegalArgumentException("the event store " + store.describe() + " keeps no snapshots");
    }
    this.store = store;
    this.snapshots = s;
    this.meters = new OperationMeters(registry, "xcomponent.store", "event store")
        .declare("append", "events", "events_after", "load_snapshot", "active_snapshots");
  }

  @Override
  public Future<AppendResult> append(
      List<StoredEvent> events, List<InstanceSnapshot> snapshotList, List<OutboxMessage> outbox) {
    return meters.time("append", () -> store.append(events, snapshotList, outbox));
  }

  @Override
  public Future<List<OutboxMessage>> outbox(String componentName, long afterPosition, int limit) {
    return meters.time("outbox", () -> store.outbox(componentName, afterPosition, limit));
  }

  @Override
  public Future<Void> relayed(String componentName, List<String> messageIds) {
    return meters.time("relayed", () -> store.relayed(componentName, messageIds));
  }

  @Override
  public Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
    return meters.time("events", () -> store.events(instanceId, afterSeq));
  }

  @Override
  public Future<Map<String, List<StoredEvent>>> eventsAfter(Map<String, Long> afterSeqByInstance) {
    return meters.time("events_after", () -> store.eventsAfter(afterSeqByInstance));
  }

  @Override
  public Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
    return meters.time("by_time_range", () -> store.byTimeRange(from, to, limit));
  }

  @Override
  public Future<List<StoredEvent>> causedBy(String eventId) {
    return meters.time("caused_by", () -> store.causedBy(eventId));
  }

  @Override
  public Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
    return meters.time("by_correlation", () -> store.byCorrelation(correlationId, limit));
  }

  @Override
  public Future<Void> save(List<InstanceSnapshot> list) {
    return meters.time("save_snapshots", () -> snapshots.save(list));
  }

  @Override
  public Future<Optional<InstanceSnapshot>> load(String instanceId) {
    return meters.time("load_snapshot", () -> snapshots.load(instanceId));
  }

  @Override
  public Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
    return meters.time("active_snapshots", () -> snapshots.activeSnapshots(componentName, afterInstanceId, limit));
  }

  @Override
  public Future<List<InstanceSnapshot>> entryPoints(String componentName) {
    return meters.time("entry_points", () -> snapshots.entryPoints(componentName));
  }

  @Override
  public Future<List<InstanceSnapshot>> search(SnapshotSearch query) {
    return meters.time("search_snapshots", () -> snapshots.search(query));
  }

  @Override
  public Future<Void> delete(String instanceId) {
    return meters.time("delete_snapshot", () -> snapshots.delete(instanceId));
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public Future<Void> close() {
    return store.close();
  }
}
