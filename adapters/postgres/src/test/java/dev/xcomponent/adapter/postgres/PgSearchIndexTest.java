package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotSearch;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit search is served by indexes: plans of its statements on a table of a few thousand
 * snapshots (in a schema of its own) read an index, never the whole table. The table is vacuumed
 * and analysed first, as autovacuum leaves it: until then the trigram index holds fresh rows in its
 * pending list, which the planner rightly counts as slow to read.
 */
class PgSearchIndexTest {
  private static final int ROWS = 4_000;
  private static Vertx vertx;
  private static String schema;
  private static PgEventStore store;

  @BeforeAll
  static void fill() throws Exception {
    vertx = Vertx.vertx();
    schema = PgTestDatabase.newSchema(vertx);
    store = PgTestDatabase.connect(vertx, PgTestDatabase.settings().withSearchPath(schema));
    List<InstanceSnapshot> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String id = UUID.randomUUID().toString();
      Map<String, Object> data = Map.of("customer", "customer-" + i, "orderId", "ORD-" + i, "amount", i % 97,
          "reference", "ref" + id.substring(24));
      batch.add(new InstanceSnapshot(id, "C" + (i % 4), "M" + (i % 10), "S" + (i % 8), i % 5 == 0 ? "completed" : "active",
          null, data, 1_000, 1_000_000L + i, false, null, null, 1, "corr-" + id, null, List.of()));
      if (batch.size() == 500) {
        store.save(batch).await(20, TimeUnit.SECONDS);
        batch.clear();
      }
    }
    sql("VACUUM ANALYZE fsm_snapshots");
  }

  @AfterAll
  static void drop() throws Exception {
    store.close().await(10, TimeUnit.SECONDS);
    PgTestDatabase.dropSchema(vertx, schema);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static List<String> sql(String statement, Object... params) throws Exception {
    return PgTestDatabase.withPool(vertx, pool -> pool.withConnection(c -> c
        .query("SET search_path = " + schema).execute()
        .compose(x -> c.preparedQuery(statement).execute(Tuple.wrap(List.of(params))))
        .map(rows -> {
          List<String> out = new ArrayList<>();
          rows.forEach(r -> out.add(String.valueOf(r.getValue(0))));
          return out;
        })));
  }

  /** The plan of the store's own search statement for these filters, as text. */
  private static String plan(String component, String machine, String state, String text) throws Exception {
    List<Object> params = new ArrayList<>();
    if (component != null) {
      params.add(component);
    }
    if (machine != null) {
      params.add(machine);
    }
    if (state != null) {
      params.add(state);
    }
    if (text != null) {
      params.add(PgStatements.containsPattern(text));
    }
    params.add(100);
    String sql = PgStatements.searchSnapshots(component != null, machine != null, state != null, text != null);
    return String.join("\n", sql("EXPLAIN " + sql, params.toArray()));
  }

  @Test
  void machineAndStateFiltersReadAnIndex() throws Exception {
    String p = plan(null, "M3", "S3", null);
    assertThat(p).as(p).contains("fsm_snapshots_search_machine").doesNotContain("Seq Scan");
    p = plan("C1", "M3", "S3", null);
    assertThat(p).as(p).containsPattern("(Index|Bitmap).*fsm_snapshots_search\\b").doesNotContain("Seq Scan");
    p = plan("C1", "M3", null, null);
    assertThat(p).as(p).contains("fsm_snapshots_search").doesNotContain("Seq Scan");
    p = plan(null, null, null, null);
    assertThat(p).as(p).contains("fsm_snapshots_recent").doesNotContain("Seq Scan");
  }

  /** A text of rare trigrams (the planner rightly prefers a scan for trigrams every row has). */
  @Test
  void aTextFilterReadsTheTrigramIndex() throws Exception {
    String reference = sql("SELECT context->>'reference' FROM fsm_snapshots LIMIT 1").get(0);
    String p = plan(null, null, null, reference.toUpperCase());
    assertThat(p).as(p).contains("Bitmap Index Scan on " + PgStatements.TEXT_INDEX).doesNotContain("Seq Scan");
  }

  @Test
  void theSearchAnswersWhatThePlansPromise() throws Exception {
    List<InstanceSnapshot> found = store.search(new SnapshotSearch(null, "M3", "S3", null, 500)).await(10, TimeUnit.SECONDS);
    // i % 10 == 3 and i % 8 == 3: i = 3 (mod 40)
    assertThat(found).hasSize(ROWS / 40);
    assertThat(found).extracting(InstanceSnapshot::updatedAt).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    List<InstanceSnapshot> text = store.search(new SnapshotSearch(null, null, null, "CUSTOMER-1234\"", 10))
        .await(10, TimeUnit.SECONDS);
    assertThat(text).singleElement().satisfies(s -> assertThat(s.context()).containsEntry("orderId", "ORD-1234"));
  }
}
