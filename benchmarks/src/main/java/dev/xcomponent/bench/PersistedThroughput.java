package dev.xcomponent.bench;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.postgres.PgEventStore;
import dev.xcomponent.adapter.postgres.PgSettings;
import dev.xcomponent.adapter.redis.RedisEventStore;
import dev.xcomponent.adapter.redis.RedisStoreSettings;
import dev.xcomponent.application.BenchRuntime;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persisted transitions per second through the runtime (write-ahead, group commit) on a real
 * store, with concurrent producers each waiting for its acknowledgement before sending the next
 * event; then the time to restore every instance in a fresh runtime.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.xcomponent.bench.PersistedThroughput
 * STORE_URL [instances] [producers] [seconds]} with a {@code postgresql://} or {@code redis://} URL
 * of a disposable database (it is written to, not cleaned), or {@code memory}. {@code -Dpartitions=N}
 * sets the partitions per component (default: the runtime's), {@code -Dxcomponent.journal.inFlight=N}
 * the appends in flight, {@code -Dnio=true} Java NIO instead of epoll, {@code -Dwarmup=S} the seconds of load before measuring (default 10).
 */
public final class PersistedThroughput {
  private PersistedThroughput() {}

  /** Seconds of load before measuring, so that the JIT has compiled the hot paths (-Dwarmup). */
  private static final int WARMUP_SECONDS = Integer.getInteger("warmup", 10);

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int producers = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    Vertx vertx = BenchVertx.create();
    try {
      EventStore store = new Measured(open(vertx, url));
      RuntimeSettings settings = RuntimeSettings.defaults().withHistoryLimit(0);
      if (Integer.getInteger("partitions") != null) {
        settings = settings.withPartitions(Integer.getInteger("partitions"));
      }
      LocalComponentRegistry registry = start(vertx, store, settings);
      long t0 = System.nanoTime();
      List<String> ids = createAll(registry, instances, producers);
      double createSecs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("created %d instances in %.1fs (%.0f/s)%n", instances, createSecs, instances / createSecs);
      AtomicLong done = new AtomicLong();
      AtomicLong doneBeforeMeasure = new AtomicLong();
      long warmupNanos = TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
      long end = System.nanoTime() + warmupNanos + TimeUnit.SECONDS.toNanos(seconds);
      long[] measureStart = new long[1];
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(warmupNanos)), t -> {
        doneBeforeMeasure.set(done.get());
        ((Measured) store).reset();
        measureStart[0] = System.nanoTime();
      });
      List<Future<Void>> loops = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        List<String> mine = new ArrayList<>();
        for (int i = p; i < ids.size(); i += producers) {
          mine.add(ids.get(i));
        }
        loops.add(produce(vertx, registry, mine, end, done));
      }
      Future.all(loops).await(WARMUP_SECONDS + seconds + 60L, TimeUnit.SECONDS);
      double secs = (System.nanoTime() - measureStart[0]) / 1e9;
      long measured = done.get() - doneBeforeMeasure.get();
      System.out.printf("%s: %d persisted transitions in %.1fs = %.0f/s (%d producers, %d instances, after %ds warm-up)%n",
          store.describe(), measured, secs, measured / secs, producers, instances, WARMUP_SECONDS);
      System.out.println(((Measured) store).report());
      registry.stop().await(30, TimeUnit.SECONDS);
      long r0 = System.nanoTime();
      LocalComponentRegistry restored = start(vertx, store, settings);
      System.out.printf("restore of %d instances: %.2fs%n", instances, (System.nanoTime() - r0) / 1e9);
      restored.stop().await(30, TimeUnit.SECONDS);
      store.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** Counts appends, events per append and append latency of the store under test. */
  static final class Measured implements EventStore, dev.xcomponent.port.SnapshotStore {
    final EventStore inner;
    final AtomicLong appends = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong nanos = new AtomicLong();

    Measured(EventStore inner) {
      this.inner = inner;
    }

    void reset() {
      appends.set(0);
      events.set(0);
      nanos.set(0);
    }

    String report() {
      long a = Math.max(1, appends.get());
      return String.format("appends=%d events/append=%.1f mean append latency=%.2fms", appends.get(),
          events.get() / (double) a, nanos.get() / 1e6 / a);
    }

    @Override
    public Future<dev.xcomponent.port.AppendResult> append(List<dev.xcomponent.port.StoredEvent> ev,
        List<dev.xcomponent.port.InstanceSnapshot> sn, List<dev.xcomponent.port.OutboxMessage> out) {
      long t = System.nanoTime();
      appends.incrementAndGet();
      events.addAndGet(ev.size());
      return inner.append(ev, sn, out).andThen(ar -> nanos.addAndGet(System.nanoTime() - t));
    }

    @Override
    public Future<List<dev.xcomponent.port.OutboxMessage>> outbox(String component, long after, int limit) {
      return inner.outbox(component, after, limit);
    }

    @Override
    public Future<Void> relayed(String component, List<String> ids) {
      return inner.relayed(component, ids);
    }

    @Override
    public Future<List<dev.xcomponent.port.StoredEvent>> events(String id, long after) {
      return inner.events(id, after);
    }

    /** Forwarded like every read: the port's default would read instance by instance. */
    @Override
    public Future<java.util.Map<String, List<dev.xcomponent.port.StoredEvent>>> eventsAfter(
        java.util.Map<String, Long> afterSeqByInstance) {
      return inner.eventsAfter(afterSeqByInstance);
    }

    @Override
    public Future<List<dev.xcomponent.port.StoredEvent>> byTimeRange(long from, long to, int limit) {
      return inner.byTimeRange(from, to, limit);
    }

    @Override
    public Future<List<dev.xcomponent.port.StoredEvent>> causedBy(String id) {
      return inner.causedBy(id);
    }

    @Override
    public Future<List<dev.xcomponent.port.StoredEvent>> byCorrelation(String id, int limit) {
      return inner.byCorrelation(id, limit);
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public Future<Void> close() {
      return inner.close();
    }

    private dev.xcomponent.port.SnapshotStore snaps() {
      return (dev.xcomponent.port.SnapshotStore) inner;
    }

    @Override
    public Future<Void> save(List<dev.xcomponent.port.InstanceSnapshot> s) {
      return snaps().save(s);
    }

    @Override
    public Future<java.util.Optional<dev.xcomponent.port.InstanceSnapshot>> load(String id) {
      return snaps().load(id);
    }

    @Override
    public Future<List<dev.xcomponent.port.InstanceSnapshot>> activeSnapshots(String c, String after, int limit) {
      return snaps().activeSnapshots(c, after, limit);
    }

    @Override
    public Future<List<dev.xcomponent.port.InstanceSnapshot>> entryPoints(String c) {
      return snaps().entryPoints(c);
    }

    @Override
    public Future<List<dev.xcomponent.port.InstanceSnapshot>> search(dev.xcomponent.port.SnapshotSearch query) {
      return snaps().search(query);
    }

    @Override
    public Future<Void> delete(String id) {
      return snaps().delete(id);
    }
  }

  private static EventStore open(Vertx vertx, String url) throws Exception {
    if (url.equals("memory")) {
      return new dev.xcomponent.adapter.memory.InMemoryEventStore();
    }
    if (url.startsWith("redis")) {
      return RedisEventStore.connect(vertx, RedisStoreSettings.fromUrl(url)).await(30, TimeUnit.SECONDS);
    }
    return PgEventStore.connect(vertx, PgSettings.parse(url)).await(30, TimeUnit.SECONDS);
  }

  private static LocalComponentRegistry start(Vertx vertx, EventStore store, RuntimeSettings settings) throws Exception {
    return LocalComponentRegistry.start(vertx, List.of(BenchRuntime.component()), new HandlerRegistry(),
        new InMemoryMessageBroker(vertx), store, settings, System::currentTimeMillis, List.of())
        .await(300, TimeUnit.SECONDS);
  }

  private static List<String> createAll(LocalComponentRegistry registry, int n, int parallel) throws Exception {
    List<String> ids = new ArrayList<>(n);
    List<Future<dev.xcomponent.port.InstanceView>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(registry.createInstance("Bench", "Ping", Map.of("i", i)));
      if (batch.size() == parallel * 4 || i == n - 1) {
        for (Future<dev.xcomponent.port.InstanceView> f : batch) {
          ids.add(f.await(60, TimeUnit.SECONDS).id());
        }
        batch.clear();
      }
    }
    return ids;
  }

  private static Future<Void> produce(Vertx vertx, LocalComponentRegistry registry, List<String> ids, long end, AtomicLong done) {
    Promise<Void> finished = Promise.promise();
    vertx.runOnContext(v -> next(registry, ids, 0, end, done, finished));
    return finished.future();
  }

  private static void next(LocalComponentRegistry registry, List<String> ids, int i, long end, AtomicLong done, Promise<Void> finished) {
    if (System.nanoTime() > end) {
      finished.tryComplete();
      return;
    }
    String id = ids.get(i % ids.size());
    int round = i / ids.size();
    Event e = Event.of(round % 2 == 0 ? "GO" : "BACK", Map.of("n", i), 0);
    registry.sendEvent(null, id, e).onComplete(ar -> {
      if (ar.succeeded() && ar.result().transitioned()) {
        done.incrementAndGet();
      }
      next(registry, ids, i + 1, end, done, finished);
    });
  }
}
