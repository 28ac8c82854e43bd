package dev.xcomponent.port;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The latest snapshot of each instance. Snapshots are written with events by {@link
 * EventStore#append}, or alone by {@link #save}; a newer snapshot of an instance replaces the older
 * one. Every instance gets a snapshot at creation, so the active snapshots of a component list
 * every instance a restore must bring back.
 */
public interface SnapshotStore {
  /** Saves snapshots, each replacing the previous one of its instance. */
  Future<Void> save(List<InstanceSnapshot> snapshots);

  /** The latest snapshot of an instance. */
  Future<Optional<InstanceSnapshot>> load(String instanceId);

  /**
   * Snapshots of the active instances of a component, ordered by instance id, after {@code
   * afterInstanceId} (null for the first page), at most {@code limit}: a restore pages through
   * them.
   */
  Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit);

  /**
   * The latest snapshots of a component's entry points, whatever their status, ordered by instance
   * id: a restore brings back finished entry points too (they are never disposed), so a runtime
   * does not create a second one. A component has at most a few; stores answer from an index of
   * them, not by reading every snapshot.
   */
  Future<List<InstanceSnapshot>> entryPoints(String componentName);

  /**
   * The audit search: the latest snapshots matching {@code query}, newest {@link
   * InstanceSnapshot#updatedAt()} first (equal times: higher instance id first), at most {@code
   * query.limit()}, finished instances included.
   *
   * <p>It reads the latest snapshot of each instance, not its events: the state found is the state
   * of that snapshot. Snapshots are taken at creation, every {@code snapshotInterval} events and on
   * reaching a final or error state, so an active instance may have moved on by up to {@code
   * snapshotInterval - 1} events since; finished instances are always exact.
   *
   * <p>Stores answer from an index on (component, machine, state) ordered by update time, never by
   * reading every snapshot. A {@code text} filter is checked on the instances the name filters
   * select; a store may bound how many it checks (the Redis store does, see its documentation), so a
   * text search over a very large selection may return fewer matches than exist.
   */
  Future<List<InstanceSnapshot>> search(SnapshotSearch query);

  /** Deletes the snapshot of an instance; its events and their sequence numbers stay. */
  Future<Void> delete(String instanceId);
}
