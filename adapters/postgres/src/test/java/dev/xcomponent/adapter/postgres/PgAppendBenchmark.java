package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Append throughput of {@link PgEventStore} (not a test; run by hand). Producers append in a closed
 * loop (next append when the previous one is durable) to instances they own, so no append
 * conflicts; every instance gets a snapshot at creation and every 10th event, as the runtime does,
 * and every event after the creation carries an idempotency key.
 *
 * <p>Phases: single-event appends; appends of 100 events; and, for comparison, 100 one-row inserts
 * sent with {@code executeBatch} in one transaction. Tables live in schema {@code xc_bench}, emptied
 * first.
 *
 * <pre>
 * mvn -q -o -pl adapters/postgres test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp adapters/postgres/target/test-classes:adapters/postgres/target/classes:$(cat adapters/postgres/cp.txt) \
 *   -Dbench.seconds=20 -Dbench.pool=16 dev.xcomponent.adapter.postgres.PgAppendBenchmark
 * </pre>
 *
 * Properties: {@code bench.producers} (64), {@code bench.instances} (10000), {@code bench.pool}
 * (16), {@code bench.seconds} per phase (20), {@code bench.warmup} seconds (3), {@code
 * bench.phases} (single,batch,rows), {@code bench.keep} (keep the schema afterwards); the server comes
 * from {@code XC_TEST_POSTGRES_URL}.
 */
public final class PgAppendBenchmark {
  private static final String SCHEMA = "xc_bench";

  private final int producers = Integer.getInteger("bench.producers", 64);
  private final int instanceCount = Integer.getInteger("bench.instances", 10_000);
  private final int poolSize = Integer.getInteger("bench.pool", 16);
  private final int seconds = Integer.getInteger("bench.seconds", 20);
  private final int warmup = Integer.getInteger("bench.warmup", 3);
  private final List<String> phases = Arrays.asList(System.getProperty("bench.phases", "single,batch,rows").split(","));

  private final String[] instances = new String[instanceCount];
  private final long[] seqs = new long[instanceCount];

  public static void main(String[] args) throws Exception {
    new PgAppendBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase.withPool(vertx, pool -> pool.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").execute()
        .compose(x -> pool.query("CREATE SCHEMA " + SCHEMA).execute()));
    PgSettings settings = PgTestDatabase.settings().withSearchPath(SCHEMA).withPool(poolSize, 10_000);
    PgEventStore store = PgTestDatabase.connect(vertx, settings);
    String sync = PgTestDatabase.withPool(vertx, pool -> pool.query("SHOW synchronous_commit").execute()
        .map(rows -> rows.iterator().next().getString(0)));
    System.out.printf("PgAppendBenchmark: %s, synchronous_commit=%s, %d producers, %d instances, pool %d, %d s per phase%n",
        settings.describe(), sync, producers, instanceCount, poolSize, seconds);
    for (int i = 0; i < instanceCount; i++) {
      instances[i] = UUID.randomUUID().toString();
    }
    for (String phase : phases) {
      switch (phase.trim()) {
        case "single" -> measure(vertx, "single-event appends", 1, (p, batch) -> store.append(batch.events, batch.snapshots).mapEmpty());
        case "batch" -> measure(vertx, "appends of 100 events", 100, (p, batch) -> store.append(batch.events, batch.snapshots).mapEmpty());
        case "rows" -> measure(vertx, "executeBatch of 100 one-row inserts", 100, rowInserter(vertx, settings));
        default -> throw new IllegalArgumentException("unknown phase " + phase);
      }
    }
    long rows = PgTestDatabase.withPool(vertx, pool -> pool.query("SELECT count(*) FROM " + SCHEMA + ".fsm_events").execute()
        .map(r -> r.iterator().next().getLong(0)));
    System.out.printf("rows in fsm_events at the end: %,d%n", rows);
    store.close().await(10, TimeUnit.SECONDS);
    if (!Boolean.getBoolean("bench.keep")) {
      PgTestDatabase.withPool(vertx, pool -> pool.query("DROP SCHEMA " + SCHEMA + " CASCADE").execute());
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  interface Appender {
    Future<Void> append(int producer, Batch batch);
  }

  record Batch(List<StoredEvent> events, List<InstanceSnapshot> snapshots) {}

  /** The comparison: the same rows, sent as N one-row executions of the same statement. */
  private static Appender rowInserter(Vertx vertx, PgSettings settings) throws Exception {
    io.vertx.sqlclient.Pool pool = io.vertx.pgclient.PgBuilder.pool()
        .with(new io.vertx.sqlclient.PoolOptions().setMaxSize(settings.poolSize()).setMaxWaitQueueSize(10_000))
        .connectingTo(new io.vertx.pgclient.PgConnectOptions().setHost(settings.host()).setPort(settings.port())
            .setDatabase(settings.database()).setUser(settings.user())
            .setPassword(settings.password() == null ? "" : settings.password())
            .addProperty("search_path", SCHEMA).setCachePreparedStatements(true))
        .using(vertx).build();
    return (p, batch) -> pool.withTransaction(c -> {
      List<Tuple> rows = new ArrayList<>();
      for (StoredEvent e : batch.events) {
        rows.add(EventRows.addTo(Tuple.tuple(), List.of(e)));
      }
      Future<?> events = c.preparedQuery(PgStatements.INSERT_EVENTS).executeBatch(rows);
      return batch.snapshots.isEmpty() ? events.mapEmpty()
          : events.compose(x -> c.preparedQuery(PgStatements.UPSERT_SNAPSHOTS)
              .execute(SnapshotRows.addTo(Tuple.tuple(), batch.snapshots))).mapEmpty();
    });
  }

  private void measure(Vertx vertx, String name, int batchSize, Appender appender) throws Exception {
    AtomicBoolean counting = new AtomicBoolean(false);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong events = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long[][] latencies = new long[producers][];
    int[] latencyCount = new int[producers];
    List<Future<Void>> done = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      latencies[p] = new long[1 << 16];
      Promise<Void> finished = Promise.promise();
      done.add(finished.future());
      int producer = p;
      int[] position = {0};
      vertx.runOnContext(v -> loop(producer, position, batchSize, appender, running, counting, events, failures,
          latencies, latencyCount, finished));
    }
    Thread.sleep(warmup * 1000L);
    long before = events.get();
    counting.set(true);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    counting.set(false);
    long elapsed = System.nanoTime() - t0;
    long counted = events.get() - before;
    running.set(false);
    Future.join(done).await(60, TimeUnit.SECONDS);
    long[] all = merge(latencies, latencyCount);
    System.out.printf("%-40s %,10.0f events/s  (%,d events in %.1f s; per append p50 %.1f ms, p99 %.1f ms; %d failures)%n",
        name, counted / (elapsed / 1e9), counted, elapsed / 1e9, pct(all, 0.50), pct(all, 0.99), failures.get());
  }

  private void loop(int producer, int[] position, int batchSize, Appender appender, AtomicBoolean running,
      AtomicBoolean counting, AtomicLong events, AtomicLong failures, long[][] latencies, int[] latencyCount,
      Promise<Void> finished) {
    if (!running.get()) {
      finished.complete();
      return;
    }
    Batch batch = nextBatch(producer, position, batchSize);
    long t0 = System.nanoTime();
    appender.append(producer, batch).onComplete(ar -> {
      if (ar.failed()) {
        failures.incrementAndGet();
        if (failures.get() < 5) {
          System.out.println("append failed: " + ar.cause());
        }
      } else {
        events.addAndGet(batch.events.size());
        if (counting.get()) {
          if (latencyCount[producer] == latencies[producer].length) {
            latencies[producer] = Arrays.copyOf(latencies[producer], latencies[producer].length * 2);
          }
          latencies[producer][latencyCount[producer]++] = System.nanoTime() - t0;
        }
      }
      loop(producer, position, batchSize, appender, running, counting, events, failures, latencies, latencyCount, finished);
    });
  }

  /** The next events of the instances this producer owns (those whose index is the producer's number modulo producers). */
  private Batch nextBatch(int producer, int[] position, int batchSize) {
    int owned = (instanceCount - producer + producers - 1) / producers;
    List<StoredEvent> events = new ArrayList<>(batchSize);
    List<InstanceSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < batchSize; i++) {
      int index = producer + (position[0]++ % owned) * producers;
      long seq = ++seqs[index];
      StoredEvent e = event(instances[index], seq);
      events.add(e);
      if (seq == 1 || seq % 10 == 0) {
        snapshots.add(new InstanceSnapshot(e.instanceId(), e.componentName(), e.machineName(), e.toState(), "active",
            null, e.data(), 1_000, e.timestamp(), false, null, null, seq, e.correlationId(), e.id(), List.of()));
      }
    }
    return new Batch(events, snapshots);
  }

  private static StoredEvent event(String instance, long seq) {
    Map<String, Object> data = Map.of("orderId", "O-" + instance.substring(0, 8), "amount", 125.5 + seq,
        "customer", Map.of("id", "C-17", "tier", "gold"), "items", List.of("sku-1", "sku-2"), "step", seq);
    boolean creation = seq == 1;
    return new StoredEvent(fastUuid(), instance, seq, "OrderComponent", "Order",
        creation ? StoredEvent.INSTANCE_CREATED : "STEP", creation ? Map.of("triggerEvent", "create") : Map.of("n", seq),
        creation ? "" : "S" + (seq - 1), "S" + seq, data, null, data, "active", creation ? -1 : 1, null,
        "flow-" + instance, null, creation ? null : instance + ":" + seq, System.currentTimeMillis());
  }

  /** A version-4 UUID without SecureRandom: the benchmark measures the store, not id generation. */
  private static String fastUuid() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(hi, lo).toString();
  }

  private static long[] merge(long[][] latencies, int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    long[] all = new long[n];
    int at = 0;
    for (int p = 0; p < latencies.length; p++) {
      System.arraycopy(latencies[p], 0, all, at, counts[p]);
      at += counts[p];
    }
    Arrays.sort(all);
    return all;
  }

  private static double pct(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
