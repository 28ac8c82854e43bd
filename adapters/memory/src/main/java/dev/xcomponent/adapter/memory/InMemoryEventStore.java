package dev.xcomponent.adapter.memory;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default event and snapshot store: everything in this process's memory, lost when it stops.
 * It keeps the same rules as the durable stores (unique sequence numbers, idempotency keys, atomic
 * batches) so the runtime behaves the same in every mode. Bounded: beyond {@code maxEvents} the
 * oldest events are forgotten (their sequence numbers stay taken), with the indexes that point to
 * them.
 *
 * <p>Snapshots are indexed by (component, machine, state) for {@link #search}: a search reads the
 * buckets its filters select, never every snapshot. The lower-case text a text search matches is
 * computed once per snapshot, at its first text search.
 *
 * <p>The outbox holds at most {@code maxEvents} messages: an append that would add more while the
 * broker does not take them fails with {@link StoreFailure.Reason#UNAVAILABLE}, so a sender slows
 * down instead of losing a message.
 *
 * <p>All operations take the store's lock and complete at once; appends never block on I/O.
 */
public final class InMemoryEventStore implements EventStore, SnapshotStore {
  /** Default number of events kept. */
  public static final int DEFAULT_MAX_EVENTS = 1_000_000;

  private final int maxEvents;
  private final Map<String, NavigableMap<Long, StoredEvent>> byInstance = new HashMap<>();
  private final Map<String, Long> highestSeq = new HashMap<>();
  private final ArrayDeque<StoredEvent> order = new ArrayDeque<>();
  private final TreeMap<Long, List<StoredEvent>> byTime = new TreeMap<>();
  private final Map<String, List<StoredEvent>> byCause = new HashMap<>();
  private final Map<String, List<StoredEvent>> byCorrelation = new HashMap<>();
  private final Set<String> keys = new HashSet<>();
  private final Map<String, InstanceSnapshot> snapshots = new HashMap<>();
  private final Map<String, TreeMap<String, InstanceSnapshot>> activeByComponent = new HashMap<>();
  private final Map<Names, Map<String, Indexed>> byNames = new HashMap<>();
  private final Map<String, TreeMap<Long, OutboxMessage>> outboxByComponent = new HashMap<>();
  private final Map<String, Set<String>> entryPointIds = new HashMap<>();
  private final Map<String, Long> outboxPositions = new HashMap<>();
  private long outboxWrites;

  /** The key of the search index. */
  private record Names(String component, String machine, String state) {
    static Names of(InstanceSnapshot s) {
      return new Names(s.componentName(), s.machineName(), s.state());
    }

    boolean matches(SnapshotSearch q) {
      return (q.component() == null || q.component().equals(component))
          && (q.machine() == null || q.machine().equals(machine))
          && (q.state() == null || q.state().equals(state));
    }
  }

  /** A snapshot in the search index, with its search text once a text search needed it. */
  private static final class Indexed {
    final InstanceSnapshot snapshot;
    String text;

    Indexed(InstanceSnapshot snapshot) {
      this.snapshot = snapshot;
    }

    /** The lower-case instance id and data JSON, as the text filter sees them. */
    String text() {
      if (text == null) {
        InstanceSnapshot s = snapshot;
        Map<String, Object> data = s.publicMember() != null ? s.publicMember() : s.context();
        String json;
        try {
          json = io.vertx.core.json.Json.encode(data);
        } catch (RuntimeException e) {
          json = String.valueOf(data); // a value the durable stores would refuse: still searchable
        }
        text = (s.instanceId() + "\n" + json).toLowerCase(Locale.ROOT);
      }
      return text;
    }
  }

  /** Newest update first, then higher instance id first: the order of every store. */
  private static final Comparator<InstanceSnapshot> NEWEST_FIRST =
      Comparator.comparingLong(InstanceSnapshot::updatedAt).thenComparing(InstanceSnapshot::instanceId).reversed();

  public InMemoryEventStore() {
    this(DEFAULT_MAX_EVENTS);
  }

  public InMemoryEventStore(int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1");
    }
    this.maxEvents = maxEvents;
  }

  @Override
  public synchronized Future<AppendResult> append(
      List<StoredEvent> events, List<InstanceSnapshot> snaps, List<OutboxMessage> outbox) {
    if (!outbox.isEmpty() && outboxPositions.size() + outbox.size() > maxEvents) {
      return Future.failedFuture(new StoreFailure(StoreFailure.Reason.UNAVAILABLE,
          "the outbox already holds " + outboxPositions.size() + " messages the broker has not taken"));
    }
    Set<String> batchKeys = new HashSet<>();
    Map<String, Long> batchSeq = new HashMap<>();
    Set<String> duplicates = new HashSet<>();
    for (StoredEvent e : events) {
      if (e.idempotencyKey() != null && (keys.contains(e.idempotencyKey()) || !batchKeys.add(e.idempotencyKey()))) {
        duplicates.add(e.id());
        continue;
      }
      long taken = batchSeq.getOrDefault(e.instanceId(), highestSeq.getOrDefault(e.instanceId(), 0L));
      NavigableMap<Long, StoredEvent> existing = byInstance.get(e.instanceId());
      if (e.seq() <= taken && (existing == null || existing.containsKey(e.seq()) || e.seq() <= firstKept(existing, taken))) {
        return Future.failedFuture(new StoreFailure(StoreFailure.Reason.CONFLICT,
            "event " + e.seq() + " of instance " + e.instanceId() + " is already stored"));
      }
      batchSeq.put(e.instanceId(), Math.max(taken, e.seq()));
    }
    for (StoredEvent e : events) {
      if (!duplicates.contains(e.id())) {
        add(e);
      }
    }
    snaps.forEach(this::put);
    Set<String> written = new HashSet<>();
    for (StoredEvent e : events) {
      if (!duplicates.contains(e.id())) {
        written.add(e.id());
      }
    }
    for (OutboxMessage m : outbox) {
      if (written.contains(m.eventId()) && !outboxPositions.containsKey(m.messageId())) {
        long position = ++outboxWrites;
        outboxPositions.put(m.messageId(), position);
        outboxByComponent.computeIfAbsent(m.componentName(), c -> new TreeMap<>())
            .put(position, new OutboxMessage(m.messageId(), m.eventId(), m.componentName(), m.channel(), m.message(), position));
      }
    }
    while (order.size() > maxEvents) {
      forget(order.pollFirst());
    }
    return Future.succeededFuture(duplicates.isEmpty() ? AppendResult.ALL_WRITTEN : new AppendResult(duplicates));
  }

  @Override
  public synchronized Future<List<OutboxMessage>> outbox(String componentName, long afterPosition, int limit) {
    TreeMap<Long, OutboxMessage> pending = outboxByComponent.get(componentName);
    if (pending == null) {
      return Future.succeededFuture(List.of());
    }
    List<OutboxMessage> out = new ArrayList<>(Math.min(limit, pending.size()));
    for (OutboxMessage m : pending.tailMap(afterPosition, false).values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(m);
    }
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<Void> relayed(String componentName, List<String> messageIds) {
    TreeMap<Long, OutboxMessage> pending = outboxByComponent.get(componentName);
    for (String id : messageIds) {
      Long position = outboxPositions.get(id);
      if (pending != null && position != null && pending.remove(position) != null) {
        outboxPositions.remove(id);
      }
    }
    if (pending != null && pending.isEmpty()) {
      outboxByComponent.remove(componentName);
    }
    return Future.succeededFuture();
  }

  /** Sequence numbers up to the highest ever stored count as taken once their events are forgotten. */
  private static long firstKept(NavigableMap<Long, StoredEvent> existing, long taken) {
    return existing.isEmpty() ? taken : existing.firstKey() - 1;
  }

  private void add(StoredEvent e) {
    byInstance.computeIfAbsent(e.instanceId(), k -> new TreeMap<>()).put(e.seq(), e);
    highestSeq.merge(e.instanceId(), e.seq(), Math::max);
    order.addLast(e);
    byTime.computeIfAbsent(e.timestamp(), k -> new ArrayList<>(1)).add(e);
    if (e.causationId() != null) {
      byCause.computeIfAbsent(e.causationId(), k -> new ArrayList<>(1)).add(e);
    }
    if (e.correlationId() != null) {
      byCorrelation.computeIfAbsent(e.correlationId(), k -> new ArrayList<>(2)).add(e);
    }
    if (e.idempotencyKey() != null) {
      keys.add(e.idempotencyKey());
    }
  }

  private void forget(StoredEvent e) {
    NavigableMap<Long, StoredEvent> m = byInstance.get(e.instanceId());
    if (m != null) {
      m.remove(e.seq());
    }
    removeFrom(byTime, e.timestamp(), e);
    if (e.causationId() != null) {
      removeFrom(byCause, e.causationId(), e);
    }
    if (e.correlationId() != null) {
      removeFrom(byCorrelation, e.correlationId(), e);
    }
  }

  private static <K> void removeFrom(Map<K, List<StoredEvent>> index, K key, StoredEvent e) {
    List<StoredEvent> list = index.get(key);
    if (list != null) {
      list.remove(e);
      if (list.isEmpty()) {
        index.remove(key);
      }
    }
  }

  private void put(InstanceSnapshot s) {
    InstanceSnapshot previous = snapshots.put(s.instanceId(), s);
    if (previous != null) {
      TreeMap<String, InstanceSnapshot> m = activeByComponent.get(previous.componentName());
      if (m != null) {
        m.remove(previous.instanceId());
      }
      unindex(previous);
    }
    if (s.isActive()) {
      activeByComponent.computeIfAbsent(s.componentName(), k -> new TreeMap<>()).put(s.instanceId(), s);
    }
    byNames.computeIfAbsent(Names.of(s), k -> new HashMap<>()).put(s.instanceId(), new Indexed(s));
    if (s.entryPoint()) {
      entryPointIds.computeIfAbsent(s.componentName(), k -> new HashSet<>()).add(s.instanceId());
    }
  }

  private void unindex(InstanceSnapshot s) {
    Names names = Names.of(s);
    Map<String, Indexed> bucket = byNames.get(names);
    if (bucket != null) {
      bucket.remove(s.instanceId());
      if (bucket.isEmpty()) {
        byNames.remove(names);
      }
    }
  }

  @Override
  public synchronized Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
    NavigableMap<Long, StoredEvent> m = byInstance.get(instanceId);
    return Future.succeededFuture(m == null ? List.of() : new ArrayList<>(m.tailMap(afterSeq, false).values()));
  }

  @Override
  public synchronized Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
    List<StoredEvent> out = new ArrayList<>();
    for (List<StoredEvent> list : byTime.subMap(from, true, to, true).values()) {
      for (StoredEvent e : list) {
        if (out.size() >= limit) {
          return Future.succeededFuture(out);
        }
        out.add(e);
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<List<StoredEvent>> causedBy(String eventId) {
    return Future.succeededFuture(new ArrayList<>(byCause.getOrDefault(eventId, List.of())));
  }

  @Override
  public synchronized Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
    List<StoredEvent> all = byCorrelation.getOrDefault(correlationId, List.of());
    return Future.succeededFuture(new ArrayList<>(all.subList(0, Math.min(limit, all.size()))));
  }

  @Override
  public synchronized Future<Void> save(List<InstanceSnapshot> snaps) {
    snaps.forEach(this::put);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Optional<InstanceSnapshot>> load(String instanceId) {
    return Future.succeededFuture(Optional.ofNullable(snapshots.get(instanceId)));
  }

  @Override
  public synchronized Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
    TreeMap<String, InstanceSnapshot> m = activeByComponent.get(componentName);
    if (m == null) {
      return Future.succeededFuture(List.of());
    }
    List<InstanceSnapshot> out = new ArrayList<>();
    for (InstanceSnapshot s : (afterInstanceId == null ? m : m.tailMap(afterInstanceId, false)).values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(s);
    }
    return Future.succeededFuture(out);
  }

  /**
   * Reads the index buckets whose (component, machine, state) pass the filters and keeps the
   * {@code limit} newest matches.
   */
  @Override
  public synchronized Future<List<InstanceSnapshot>> entryPoints(String componentName) {
    TreeMap<String, InstanceSnapshot> out = new TreeMap<>();
    for (String id : entryPointIds.getOrDefault(componentName, Set.of())) {
      InstanceSnapshot s = snapshots.get(id);
      if (s != null && s.entryPoint() && s.componentName().equals(componentName)) {
        out.put(id, s);
      }
    }
    return Future.succeededFuture(new ArrayList<>(out.values()));
  }

  @Override
  public synchronized Future<List<InstanceSnapshot>> search(SnapshotSearch q) {
    String needle = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
    PriorityQueue<InstanceSnapshot> newest = new PriorityQueue<>(q.limit() + 1, NEWEST_FIRST.reversed());
    for (Map.Entry<Names, Map<String, Indexed>> bucket : byNames.entrySet()) {
      if (!bucket.getKey().matches(q)) {
        continue;
      }
      for (Indexed i : bucket.getValue().values()) {
        if (newest.size() == q.limit() && NEWEST_FIRST.compare(i.snapshot, newest.peek()) > 0) {
          continue; // older than the oldest kept: no need to look at its text
        }
        if (needle == null || i.text().contains(needle)) {
          newest.add(i.snapshot);
          if (newest.size() > q.limit()) {
            newest.poll();
          }
        }
      }
    }
    List<InstanceSnapshot> out = new ArrayList<>(newest);
    out.sort(NEWEST_FIRST);
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<Void> delete(String instanceId) {
    InstanceSnapshot s = snapshots.remove(instanceId);
    if (s != null) {
      TreeMap<String, InstanceSnapshot> m = activeByComponent.get(s.componentName());
      if (m != null) {
        m.remove(instanceId);
      }
      unindex(s);
      Set<String> entries = entryPointIds.get(s.componentName());
      if (entries != null) {
        entries.remove(instanceId);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
