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

  /** Deletes the snapshot of an instance; its events and their sequence numbers stay. */
  Future<Void> delete(String instanceId);
}
