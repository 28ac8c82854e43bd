package dev.xcomponent.port;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable record of instance events (event sourcing). Implementations: in-memory, PostgreSQL,
 * Redis; all pass the same contract suite. A store also implements {@link SnapshotStore}, so that
 * events and the snapshots taken with them are written in one atomic append.
 *
 * <p>Rules every store keeps:
 *
 * <ul>
 *   <li>An (instanceId, seq) pair is stored at most once: appending it again fails with {@link
 *       StoreFailure.Reason#CONFLICT} and writes nothing of that batch.
 *   <li>An event whose idempotency key is already stored is skipped, not an error ({@link
 *       AppendResult#duplicates()}).
 *   <li>A batch is written atomically: all its events and snapshots, or nothing.
 *   <li>Deleting a snapshot never makes a sequence number free again.
 *   <li>An outbox message is written in the same atomic append as its event, and only when that
 *       event is written by this append: not when the event is skipped as a duplicate or is not in
 *       the batch, nor when its {@code messageId} is stored already. Messages stay, in append
 *       order per component, until {@link #relayed} removes them.
 * </ul>
 */
public interface EventStore {
  /**
   * Appends events, saves snapshots and records the messages the events produced, in one atomic
   * write.
   *
   * @return which events were skipped as duplicates of an idempotency key
   */
  Future<AppendResult> append(
      List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox);

  /** Appends events and saves snapshots in one atomic write, with no outbox message. */
  default Future<AppendResult> append(List<StoredEvent> events, List<InstanceSnapshot> snapshots) {
    return append(events, snapshots, List.of());
  }

  /**
   * The outbox messages of a component not yet reported relayed, oldest first, from the one after
   * position {@code afterPosition} (0 for the start), at most {@code limit}.
   */
  Future<List<OutboxMessage>> outbox(String componentName, long afterPosition, int limit);

  /** Removes messages the broker took from a component's outbox; unknown ids are ignored. */
  Future<Void> relayed(String componentName, List<String> messageIds);

  /** The events of an instance with a sequence number above {@code afterSeq}, in sequence order. */
  Future<List<StoredEvent>> events(String instanceId, long afterSeq);

  /**
   * The events of several instances after the given sequence number of each, in sequence order per
   * instance: what a restore needs for a page of snapshots. Stores that can answer in one query
   * override this; the default asks instance by instance.
   */
  default Future<Map<String, List<StoredEvent>>> eventsAfter(Map<String, Long> afterSeqByInstance) {
    Map<String, Future<List<StoredEvent>>> each = new LinkedHashMap<>();
    afterSeqByInstance.forEach((id, seq) -> each.put(id, events(id, seq)));
    return Future.all(new ArrayList<>(each.values()))
        .map(
            all -> {
              Map<String, List<StoredEvent>> out = new LinkedHashMap<>();
              each.forEach((id, f) -> out.put(id, f.result()));
              return out;
            });
  }

  /** Events with {@code from <= timestamp <= to}, oldest first, at most {@code limit}. */
  Future<List<StoredEvent>> byTimeRange(long from, long to, int limit);

  /** The events whose causation id is {@code eventId}, oldest first. */
  Future<List<StoredEvent>> causedBy(String eventId);

  /** The events of one business flow, across instances and components, oldest first. */
  Future<List<StoredEvent>> byCorrelation(String correlationId, int limit);

  /** A description for logs and {@code /health}, without secrets. */
  String describe();

  /** Releases connections. */
  Future<Void> close();
}
