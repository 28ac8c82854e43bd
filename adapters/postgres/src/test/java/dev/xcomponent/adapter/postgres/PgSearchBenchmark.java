package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotSearch;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Latency of the audit search of {@link PgEventStore} on a large table (not a test; run by hand).
 * Fills schema {@code xc_search_bench} (emptied first) with {@code bench.rows} snapshots over 4
 * components, 10 machines and 8 states, vacuums and analyses it, then times each kind of search
 * one at a time (p50, p95, max over {@code bench.rounds}).
 *
 * <pre>
 * mvn -q -o -pl adapters/postgres test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp adapters/postgres/target/test-classes:adapters/postgres/target/classes:$(cat adapters/postgres/cp.txt) \
 *   -Dbench.rows=100000 dev.xcomponent.adapter.postgres.PgSearchBenchmark
 * </pre>
 *
 * With {@code -Dbench.noSearchIndexes=true} the search indexes are dropped before filling, to see
 * what they cost the writes; with {@code -Dbench.noTextIndex=true} only the trigram index is.
 */
public final class PgSearchBenchmark {
  private static final String SCHEMA = "xc_search_bench";

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 200);
    boolean noSearchIndexes = Boolean.getBoolean("bench.noSearchIndexes");
    Vertx vertx = Vertx.vertx();
    PgTestDatabase.withPool(vertx, pool -> pool.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").execute()
        .compose(x -> pool.query("CREATE SCHEMA " + SCHEMA).execute()));
    PgEventStore store = PgTestDatabase.connect(vertx, PgTestDatabase.settings().withSearchPath(SCHEMA));
    if (noSearchIndexes) {
      PgTestDatabase.withPool(vertx, pool -> pool.query("DROP INDEX " + SCHEMA + ".fsm_snapshots_search, " + SCHEMA
          + ".fsm_snapshots_search_machine, " + SCHEMA + ".fsm_snapshots_recent, " + SCHEMA + "."
          + PgStatements.TEXT_INDEX).execute());
    } else if (Boolean.getBoolean("bench.noTextIndex")) {
      PgTestDatabase.withPool(vertx, pool -> pool.query("DROP INDEX " + SCHEMA + "." + PgStatements.TEXT_INDEX).execute());
    }
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
    System.out.printf("filled %d snapshots in %d ms (%.0f/s), search indexes %s%n", rows, fillMs,
        rows * 1000.0 / fillMs, noSearchIndexes ? "dropped" : "present");
    PgTestDatabase.withPool(vertx, pool -> pool.query("VACUUM ANALYZE " + SCHEMA + ".fsm_snapshots").execute());

    String rare = references[rows / 2];
    time(store, rounds, "machine+state", new SnapshotSearch(null, "M3", "S3", null, 100));
    time(store, rounds, "component+machine+state", new SnapshotSearch("C3", "M3", "S3", null, 100));
    time(store, rounds, "component", new SnapshotSearch("C1", null, null, null, 100));
    time(store, rounds, "no filter", SnapshotSearch.any(100));
    time(store, rounds, "text, 1 match", new SnapshotSearch(null, null, null, rare.toUpperCase(), 100));
    time(store, rounds, "text, ~1111 matches", new SnapshotSearch(null, null, null, "customer-12", 100));
    time(store, rounds, "machine+state+text", new SnapshotSearch(null, "M3", "S3", "customer-12", 100));
    time(store, rounds, "machine+state, limit 500", new SnapshotSearch(null, "M3", "S3", null, 500));
    store.close().await(10, TimeUnit.SECONDS);
    if (!Boolean.getBoolean("bench.keep")) {
      PgTestDatabase.dropSchema(vertx, SCHEMA);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static void time(PgEventStore store, int rounds, String name, SnapshotSearch q) throws Exception {
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
    System.out.printf("%-26s found %3d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", name, found,
        nanos[rounds / 2] / 1e6, nanos[rounds * 95 / 100] / 1e6, nanos[rounds - 1] / 1e6);
  }
}
