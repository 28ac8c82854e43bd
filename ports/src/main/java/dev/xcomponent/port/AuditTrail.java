package dev.xcomponent.port;

import java.util.List;

/**
 * Everything recorded about one instance: its latest snapshot and its events, oldest first.
 *
 * @param instanceId the instance
 * @param snapshot the latest snapshot, or null when there is none (no store)
 * @param events the recorded events, oldest first
 * @param fromStore true when read from the event store, false when from the runtime's memory
 */
public record AuditTrail(String instanceId, InstanceSnapshot snapshot, List<HistoryEntry> events, boolean fromStore) {
  public AuditTrail {
    events = List.copyOf(events);
  }
}
