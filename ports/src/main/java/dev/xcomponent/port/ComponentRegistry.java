package dev.xcomponent.port;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driving port: what the HTTP API and the command line ask of the runtimes of this process.
 *
 * <p>Futures fail with a {@link RuntimeFailure} for expected errors (unknown component, machine or
 * instance; finished instance; full queue; aborted hook).
 */
public interface ComponentRegistry {
  /** The components served, in registration order. */
  List<Component> components();

  /** The component with this name. */
  Optional<Component> component(String name);

  /** The runtimes of this process, one per component. */
  List<RuntimeInfo> runtimes();

  /**
   * Creates an instance of {@code machine} (null: the entry machine) of {@code component}.
   *
   * @return the new instance once created
   */
  Future<InstanceView> createInstance(String component, String machine, Map<String, Object> data);

  /**
   * Sends {@code event} to an instance and completes once it is processed. With a non-null {@code
   * component}, the instance must belong to it.
   */
  Future<EventOutcome> sendEvent(String component, String instanceId, Event event);

  /** Broadcasts {@code event} to instances of a machine, optionally only those in {@code state}. */
  Future<BroadcastResult> broadcast(String component, String machine, Event event, String state);

  /** A live instance, or a finished one still retained. */
  Optional<InstanceView> findInstance(String instanceId);

  /**
   * Instances matching {@code query}, live ones and finished ones still retained, newest first
   * (creation time, then id, descending) from just after {@code query.after()}.
   */
  List<InstanceView> listInstances(InstanceQuery query);

  /** The transitions available from the instance's current state. */
  List<AvailableTransition> availableTransitions(String instanceId);

  /** The recorded events of an instance, oldest first. */
  Future<List<HistoryEntry>> history(String instanceId);

  /** The latest snapshot and every recorded event of an instance (live or finished). */
  Future<AuditTrail> auditTrail(String instanceId);

  /** The events of the business flow an instance belongs to, across components, at most {@code limit}. */
  Future<CorrelatedEvents> correlated(String instanceId, int limit);

  /**
   * Searches the latest snapshots of the instances recorded in the event store (live, finished or
   * of other processes sharing the store), newest first: see {@link SnapshotStore#search}. Fails
   * with {@link RuntimeFailure#noEventStore()} when no event store is configured.
   */
  default Future<List<InstanceSnapshot>> searchHistory(SnapshotSearch query) {
    return Future.failedFuture(RuntimeFailure.noEventStore());
  }

  /**
   * The state of what this process depends on, for {@code /health}: {@code broker} ({@code UP},
   * {@code RECONNECTING}, {@code CLOSED}) and, per component, messages waiting for the broker and
   * messages given up (dead letters). Empty when there is nothing to report.
   */
  default Map<String, Object> dependencies() {
    return Map.of();
  }

  /** Registers a listener of runtime events. */
  void addListener(RuntimeEventListener listener);
}
