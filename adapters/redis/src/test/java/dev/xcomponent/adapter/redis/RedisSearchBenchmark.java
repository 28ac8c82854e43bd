package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotSearch;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Latency and memory of the audit search of {@link RedisEventStore} (not a test; run by hand).
 * Saves {@code bench.rows} snapshots over 4 components, 10 machines and 8 states under a fresh
 * prefix, reports the memory of the snapshots, of the search indexes and of the search texts, then
 * times each kind of search one at a time (p50, p95, max over {@code bench.rounds}); the prefix is
 * deleted at the end.
 *
 * <pre>
 * mvn -q -o -pl adapters/redis test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp adapters/redis/target/test-classes:adapters/redis/target/classes:$(cat adapters/redis/cp.txt) \
 *   -Dbench.rows=100000 dev.xcomponent.adapter.redis.RedisSearchBenchmark
 * </pre>
 */
public final class RedisSearchBenchmark {
  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 200);
    String prefix = RedisTestServer.newPrefix();
    Vertx vertx = Vertx.vertx();
    Redis raw = RedisTestServer.rawClient(vertx);
    RedisEventStore store = RedisEventStore.connect(vertx, RedisTestServer.settings(prefix)).await(10, TimeUnit.SECONDS);
    try {
      String[] references = new String[rows];
      long start = System.nanoTime();
      List<InstanceSnapshot> batch = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        String id = UUID.randomUUID().toString();
        references[i] = "ref" + id.substring(24);
        Map<String, Object> data = Map.of("customer", "customer-" + i, "orderId", "ORD-" + i, "amount", i % 997,
            "reference", references[i], "note", "delivery to the north gate, ring twice, leave with the neighbour " + (i % 13));
        batch.add(new InstanceSnapshot(id, "C" + (i % 4), "M" + (i % 10), "S" + (i % 8),
            i % 5 == 0 ? "completed" : "active", null, data, 1_000, 1_000_000L + i, false, null, null, 1,
            "corr-" + id, null, List.of()));
        if (batch.size() == 1_000) {
          store.save(batch).await(60, TimeUnit.SECONDS);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        store.save(batch).await(60, TimeUnit.SECONDS);
      }
      long fillMs = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("saved %d snapshots in %d ms (%.0f/s)%n", rows, fillMs, rows * 1000.0 / fillMs);
      System.out.printf("memory: snapshots %.1f MB, search indexes %.1f MB, search texts %.1f MB%n",
          memory(raw, prefix + ":snapshot:*") / 1e6, memory(raw, prefix + ":snapshots:by:*") / 1e6,
          memory(raw, prefix + ":snapshots:text") / 1e6);

      String rare = references[rows / 2];
      String oldRare = references[5];
      time(store, rounds, "machine+state", new SnapshotSearch(null, "M3", "S3", null, 100));
      time(store, rounds, "component+machine+state", new SnapshotSearch("C3", "M3", "S3", null, 100));
      time(store, rounds, "component", new SnapshotSearch("C1", null, null, null, 100));
      time(store, rounds, "no filter", SnapshotSearch.any(100));
      time(store, rounds, "text, ~1111 matches", new SnapshotSearch(null, null, null, "customer-12", 100));
      time(store, rounds, "text, 1 match in budget", new SnapshotSearch(null, null, null,
          references[rows - 5_000].toUpperCase(), 100));
      time(store, rounds, "text, none (budget walked)", new SnapshotSearch(null, null, null, "no such text", 100));
      time(store, rounds, "text, 1 match past budget", new SnapshotSearch(null, null, null, rare, 100));
      time(store, rounds, "machine+state+text", new SnapshotSearch(null, "M3", "S3", "customer-12", 100));
      time(store, rounds, "c+m+s+text, old match", new SnapshotSearch("C1", "M5", "S5", oldRare, 100));
      time(store, rounds, "machine+state, limit 500", new SnapshotSearch(null, "M3", "S3", null, 500));
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
      RedisTestServer.deleteAll(vertx, prefix);
      raw.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  /** Bytes of the keys matching {@code pattern} ({@code MEMORY USAGE}, sampling every element). */
  private static long memory(Redis raw, String pattern) throws Exception {
    long total = 0;
    String cursor = "0";
    do {
      Response r = raw.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(10_000))
          .await(30, TimeUnit.SECONDS);
      cursor = r.get(0).toString();
      for (Response key : r.get(1)) {
        Response bytes = raw.send(Request.cmd(Command.MEMORY).arg("USAGE").arg(key.toString()).arg("SAMPLES").arg(0))
            .await(30, TimeUnit.SECONDS);
        total += bytes == null ? 0 : bytes.toLong();
      }
    } while (!"0".equals(cursor));
    return total;
  }

  private static void time(RedisEventStore store, int rounds, String name, SnapshotSearch q) throws Exception {
    int found = 0;
    for (int i = 0; i < 20; i++) {
      found = store.search(q).await(30, TimeUnit.SECONDS).size();
    }
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      store.search(q).await(30, TimeUnit.SECONDS);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("%-28s found %3d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", name, found,
        nanos[rounds / 2] / 1e6, nanos[rounds * 95 / 100] / 1e6, nanos[rounds - 1] / 1e6);
  }
}
