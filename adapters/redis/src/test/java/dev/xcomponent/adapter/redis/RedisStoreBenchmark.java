package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of {@link RedisEventStore#append}: 64 concurrent producers write transitions of
 * 10,000 instances, one event per append or 100 per append (group commit), with or without a
 * snapshot every 10th transition of an instance. Not a test: run it by hand, for example
 *
 * <pre>
 * mvn -o -q test-compile -pl adapters/redis
 * java -Dbench=true -cp adapters/redis/target/test-classes:adapters/redis/target/classes:$(cat cp.txt) \
 *     dev.xcomponent.adapter.redis.RedisStoreBenchmark
 * </pre>
 *
 * <p>System properties: {@code bench.producers} (64), {@code bench.instances} (10000), {@code
 * bench.events} per run (200000), {@code bench.batches} ("1,100"), {@code bench.snapshots}
 * ("no,yes"), {@code bench.pool} (pool size, default of the settings). With {@code
 * -Dbench.restore=true} it measures the read side of a restore instead: {@code
 * bench.restoreInstances} (100000) active instances, each with a snapshot and 3 later events. The server is {@code XC_TEST_REDIS_URL}; keys go under a random prefix
 * deleted after each run.
 */
public final class RedisStoreBenchmark {
  private RedisStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean("bench")) {
      System.out.println("RedisStoreBenchmark runs only with -Dbench=true (it writes a few hundred MB to Redis).");
      return;
    }
    int producers = Integer.getInteger("bench.producers", 64);
    int instances = Integer.getInteger("bench.instances", 10_000);
    long events = Long.getLong("bench.events", 200_000L);
    int[] batches = Arrays.stream(System.getProperty("bench.batches", "1,100").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    Vertx vertx = Vertx.vertx();
    try {
      RedisTestServer.requireRunning(vertx);
      System.out.printf("Redis %s, %d producers, %d instances, %d events per run, %d cores%n",
          RedisTestServer.URL, producers, instances, events, Runtime.getRuntime().availableProcessors());
      if (Boolean.getBoolean("bench.restore")) {
        restore(vertx, Integer.getInteger("bench.restoreInstances", 100_000));
        return;
      }
      for (String mode : System.getProperty("bench.snapshots", "no,yes").split(",")) {
        boolean snapshots = "yes".equals(mode.trim());
        for (int batch : batches) {
          run(vertx, producers, instances, Math.min(events, 20_000), batch, snapshots, true);
          run(vertx, producers, instances, events, batch, snapshots, false);
        }
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx vertx, int producers, int instances, long total, int batch,
      boolean snapshots, boolean warmup) throws Exception {
    String prefix = RedisTestServer.newPrefix();
    RedisStoreSettings settings = RedisTestServer.settings(prefix);
    Integer pool = Integer.getInteger("bench.pool");
    if (pool != null) {
      settings = settings.withPool(pool, settings.maxPoolWaiting());
    }
    RedisEventStore store = RedisEventStore.connect(vertx, settings).await(10, TimeUnit.SECONDS);
    double[] before = redisCost(vertx);
    Run run = new Run(store, producers, instances, total, batch, snapshots);
    int loops = Math.min(producers, Runtime.getRuntime().availableProcessors());
    long start = System.nanoTime();
    vertx.deployVerticle(() -> new Producers(run, loops), new DeploymentOptions().setInstances(loops))
        .await(10, TimeUnit.SECONDS);
    run.done.await(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] after = redisCost(vertx);
    store.close().await(10, TimeUnit.SECONDS);
    RedisTestServer.deleteAll(vertx, prefix);
    if (warmup) {
      return;
    }
    long[] lat = run.latencies();
    System.out.printf("batch %3d, snapshots %-3s: %,9.0f events/s (%,d events in %.2f s, %d failed), "
            + "append latency p50 %.2f ms p99 %.2f ms; Redis per event: %.1f us CPU, %.1f us in scripts%n",
        batch, snapshots ? "yes" : "no", run.written.get() / seconds, run.written.get(), seconds,
        run.failed.get(), lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.99)] / 1e6,
        (after[0] - before[0]) * 1e6 / run.written.get(), (after[1] - before[1]) / run.written.get());
  }

  /**
   * The read side of a restore: {@code instances} active instances, each with a snapshot at seq 1
   * and 3 later events, read back page by page (1000 snapshots, then their later events).
   */
  private static void restore(Vertx vertx, int instances) throws Exception {
    String prefix = RedisTestServer.newPrefix();
    RedisEventStore store = RedisEventStore.connect(vertx, RedisTestServer.settings(prefix)).await(10, TimeUnit.SECONDS);
    try {
      long now = System.currentTimeMillis();
      for (int from = 0; from < instances; from += 250) {
        List<StoredEvent> events = new ArrayList<>();
        List<InstanceSnapshot> snaps = new ArrayList<>();
        for (int i = from; i < Math.min(instances, from + 250); i++) {
          String id = UUID.randomUUID().toString();
          for (long seq = 1; seq <= 4; seq++) {
            events.add(event(id, seq, now));
          }
          snaps.add(snapshot(id, 1, now));
        }
        store.append(events, snaps).await(30, TimeUnit.SECONDS);
      }
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        long snapshots = 0;
        long replayed = 0;
        String after = null;
        while (true) {
          List<InstanceSnapshot> page = store.activeSnapshots("OrderComponent", after, 1000).await(30, TimeUnit.SECONDS);
          if (page.isEmpty()) {
            break;
          }
          Map<String, Long> seqs = new java.util.LinkedHashMap<>();
          page.forEach(sn -> seqs.put(sn.instanceId(), sn.seq()));
          for (List<StoredEvent> list : store.eventsAfter(seqs).await(30, TimeUnit.SECONDS).values()) {
            replayed += list.size();
          }
          snapshots += page.size();
          after = page.get(page.size() - 1).instanceId();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("restore read %s: %,d snapshots and %,d later events in %.2f s (%,.0f instances/s)%n",
            round == 0 ? "cold JIT" : "warm    ", snapshots, replayed, seconds, snapshots / seconds);
      }
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
      RedisTestServer.deleteAll(vertx, prefix);
    }
  }

  /** Redis's CPU seconds so far and the microseconds it spent in EVALSHA. */
  private static double[] redisCost(Vertx vertx) throws Exception {
    io.vertx.redis.client.Redis raw = RedisTestServer.rawClient(vertx);
    try {
      String cpu = raw.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.INFO).arg("cpu"))
          .await(10, TimeUnit.SECONDS).toString();
      String stats = raw.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.INFO).arg("commandstats"))
          .await(10, TimeUnit.SECONDS).toString();
      double cpuSeconds = field(cpu, "used_cpu_user:", "\r") + field(cpu, "used_cpu_sys:", "\r");
      double scriptMicros = stats.contains("cmdstat_evalsha:") ? field(stats.substring(stats.indexOf("cmdstat_evalsha:")), ",usec=", ",") : 0;
      return new double[] {cpuSeconds, scriptMicros};
    } finally {
      raw.close();
    }
  }

  private static double field(String text, String name, String end) {
    int at = text.indexOf(name) + name.length();
    String rest = text.substring(at).split(end + "|\\n|,", 2)[0];
    return Double.parseDouble(rest.trim());
  }

  /** Shared state of one run: who owns which instance, the next seq of each, the counters. */
  private static final class Run {
    final RedisEventStore store;
    final int producers;
    final int instances;
    final long total;
    final int batch;
    final boolean snapshots;
    final long[] seq;
    final String[] ids;
    final AtomicLong claimed = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final CountDownLatch done;
    final List<long[]> latencyLists = new ArrayList<>();

    Run(RedisEventStore store, int producers, int instances, long total, int batch, boolean snapshots) {
      this.store = store;
      this.producers = producers;
      this.instances = instances;
      this.total = total;
      this.batch = batch;
      this.snapshots = snapshots;
      this.seq = new long[instances];
      this.ids = new String[instances];
      for (int i = 0; i < instances; i++) {
        ids[i] = UUID.randomUUID().toString();
      }
      this.done = new CountDownLatch(producers);
    }

    synchronized long[] newLatencyList(int size) {
      long[] l = new long[size];
      latencyLists.add(l);
      return l;
    }

    synchronized long[] latencies() {
      return latencyLists.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
    }
  }

  /** One verticle runs a share of the producers on its event loop. */
  private static final class Producers extends AbstractVerticle {
    private static final AtomicLong NEXT = new AtomicLong();
    private final Run run;
    private final int loops;

    Producers(Run run, int loops) {
      this.run = run;
      this.loops = loops;
    }

    @Override
    public void start(Promise<Void> started) {
      int me = (int) (NEXT.getAndIncrement() % loops);
      for (int p = me; p < run.producers; p += loops) {
        new Producer(run, p).next();
      }
      started.complete();
    }
  }

  /** Appends batches of its own instances, one at a time, until the run's total is claimed. */
  private static final class Producer {
    private final Run run;
    private final int[] owned;
    private final long[] latencies;
    private int cursor;
    private int calls;

    Producer(Run run, int index) {
      this.run = run;
      List<Integer> mine = new ArrayList<>();
      for (int i = index; i < run.instances; i += run.producers) {
        mine.add(i);
      }
      this.owned = mine.stream().mapToInt(Integer::intValue).toArray();
      if (owned.length < run.batch) {
        throw new IllegalArgumentException("each producer needs at least " + run.batch + " instances");
      }
      this.latencies = run.newLatencyList((int) (run.total / run.batch / run.producers * 2 + 16));
    }

    void next() {
      long from = run.claimed.getAndAdd(run.batch);
      if (from >= run.total) {
        run.done.countDown();
        return;
      }
      int size = (int) Math.min(run.batch, run.total - from);
      List<StoredEvent> events = new ArrayList<>(size);
      List<InstanceSnapshot> snaps = new ArrayList<>();
      long now = System.currentTimeMillis();
      for (int k = 0; k < size; k++) {
        int i = owned[cursor];
        cursor = (cursor + 1) % owned.length;
        long s = ++run.seq[i];
        events.add(event(run.ids[i], s, now));
        if (run.snapshots && (s == 1 || s % 10 == 0)) {
          snaps.add(snapshot(run.ids[i], s, now));
        }
      }
      long start = System.nanoTime();
      run.store.append(events, snaps).onComplete(ar -> {
        if (calls < latencies.length) {
          latencies[calls++] = System.nanoTime() - start;
        }
        if (ar.succeeded()) {
          run.written.addAndGet(size - ar.result().duplicates().size());
        } else {
          run.failed.addAndGet(size);
        }
        next();
      });
    }
  }

  private static StoredEvent event(String instance, long seq, long at) {
    boolean creation = seq == 1;
    Map<String, Object> data = Map.of("orderId", "O-" + instance.substring(0, 8), "amount", 99.5,
        "customer", "customer-" + (seq % 97), "lines", List.of(Map.of("sku", "A-1", "qty", 2)), "count", seq);
    return new StoredEvent(UUID.randomUUID().toString(), instance, seq, "OrderComponent", "Order",
        creation ? StoredEvent.INSTANCE_CREATED : "ADVANCE",
        creation ? Map.of("triggerEvent", "manual create") : Map.of("step", seq),
        creation ? "" : "S" + (seq - 1), "S" + seq, data, null, data, "active", creation ? -1 : 1,
        null, "corr-" + instance, null, null, at);
  }

  private static InstanceSnapshot snapshot(String instance, long seq, long at) {
    return new InstanceSnapshot(instance, "OrderComponent", "Order", "S" + seq, "active", null,
        Map.of("orderId", "O-" + instance.substring(0, 8), "amount", 99.5, "count", seq), at, at, false,
        null, null, seq, "corr-" + instance, "ev-" + seq, List.of());
  }
}
