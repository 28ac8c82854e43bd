package dev.xcomponent.application;

import dev.xcomponent.port.AuditTrail;
import dev.xcomponent.port.CorrelatedEvents;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit queries an event store answers, the same for the registry of a runtime process and
 * for a dashboard's: an instance's recorded events, its audit trail (latest snapshot and events),
 * the flow it belongs to, and the search of recorded instances.
 */
final class StoreHistory {
  private StoreHistory() {}

  /** The recorded events of an instance, oldest first. */
  static Future<List<HistoryEntry>> events(EventStore store, String instanceId) {
    return store.events(instanceId, 0).map(list -> list.stream().map(StoredEvents::history).toList());
  }

  /** The latest snapshot and {@code events}; fails with INSTANCE_NOT_FOUND when the store has neither. */
  static Future<AuditTrail> auditTrail(EventStore store, String instanceId, Future<List<HistoryEntry>> events) {
    Future<Optional<InstanceSnapshot>> snapshot = ((SnapshotStore) store).load(instanceId);
    return Future.all(snapshot, events).compose(all -> {
      if (events.result().isEmpty() && snapshot.result().isEmpty()) {
        return Future.failedFuture(RuntimeFailure.instanceNotFound(instanceId));
      }
      return Future.succeededFuture(new AuditTrail(instanceId, snapshot.result().orElse(null), events.result(), true));
    });
  }

  /** The correlation id a trail records (its snapshot's, else its first event's), or null. */
  static String flowOf(AuditTrail trail) {
    String flow = trail.snapshot() != null ? trail.snapshot().correlationId() : null;
    return flow == null && !trail.events().isEmpty() ? trail.events().get(0).correlationId() : flow;
  }

  /** Every recorded event of flow {@code correlationId}, across components, at most {@code limit}. */
  static Future<CorrelatedEvents> correlated(EventStore store, String correlationId, int limit) {
    return store.byCorrelation(correlationId, limit).map(list -> new CorrelatedEvents(
        correlationId, list.stream().map(StoredEvents::history).toList(), true));
  }

  /**
   * Searches the recorded instances; a hit whose instance is live ({@code live} answers its view,
   * or null) shows the state it has now. A store failure becomes UNAVAILABLE.
   */
  static Future<List<InstanceSnapshot>> search(EventStore store, SnapshotSearch query, Function<InstanceSnapshot, InstanceView> live) {
    return ((SnapshotStore) store).search(query)
        .map(list -> list.stream().map(s -> {
          InstanceView view = live.apply(s);
          return view == null ? s : LocalComponentRegistry.withLiveState(s, view);
        }).toList())
        .recover(LocalComponentRegistry::storeUnavailable);
  }
}
