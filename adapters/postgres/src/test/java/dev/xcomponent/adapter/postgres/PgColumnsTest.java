package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user of the reference sees when querying the tables directly, and how queries are served. */
class PgColumnsTest {
  private static Vertx vertx;
  private static PgEventStore store;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    store = PgTestDatabase.connect(vertx, PgTestDatabase.settings());
  }

  @AfterAll
  static void stop() throws Exception {
    store.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static List<Row> query(String sql, Tuple params) throws Exception {
    return PgTestDatabase.withPool(vertx, pool -> pool.preparedQuery(sql).execute(params).map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    }));
  }

  @Test
  void aReferenceStyleAuditQueryReadsTheHistory() throws Exception {
    String id = UUID.randomUUID().toString();
    StoredEvent created = new StoredEvent(UUID.randomUUID().toString(), id, 1, "OrderComponent", "Order",
        StoredEvent.INSTANCE_CREATED, Map.of("triggerEvent", "manual"), "", "Created",
        Map.of("orderId", "O-42", "amount", 10), null, Map.of("orderId", "O-42", "amount", 10), "active", -1,
        null, "flow-" + id, null, null, 1_000);
    StoredEvent validated = new StoredEvent(UUID.randomUUID().toString(), id, 2, "OrderComponent", "Order",
        "VALIDATE", Map.of("by", "bot"), "Created", "Validated", Map.of("orderId", "O-42", "amount", 10),
        null, Map.of("orderId", "O-42", "amount", 10), "active", 0, "PaymentComponent", "flow-" + id,
        created.id(), "idem-" + id, 2_000);
    store.append(List.of(created, validated), List.of()).await(10, TimeUnit.SECONDS);

    List<Row> rows = query("SELECT context->>'orderId', event_type, from_state, to_state FROM fsm_events"
        + " WHERE instance_id = $1 ORDER BY seq", Tuple.of(id));
    assertThat(rows).extracting(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3))
        .containsExactly("O-42|INSTANCE_CREATED||Created", "O-42|VALIDATE|Created|Validated");

    Row row = query("SELECT public_member_snapshot, has_public_member, raw_context, event_payload,"
        + " source_component_name, correlation_id, causation_id::text, persisted_at, machine_name, component_name,"
        + " status, transition_index, idempotency_key, created_at IS NOT NULL"
        + " FROM fsm_events WHERE id = $1::uuid", Tuple.of(validated.id())).get(0);
    assertThat(row.getJsonObject(0)).isEqualTo(new JsonObject().put("orderId", "O-42").put("amount", 10));
    assertThat(row.getBoolean(1)).isFalse();
    assertThat(row.getValue(2)).as("raw_context is NULL when it equals context").isNull();
    assertThat(row.getJsonObject(3)).isEqualTo(new JsonObject().put("by", "bot"));
    assertThat(row.getString(4)).isEqualTo("PaymentComponent");
    assertThat(row.getString(5)).isEqualTo("flow-" + id);
    assertThat(row.getString(6)).isEqualTo(created.id());
    assertThat(row.getLong(7)).isEqualTo(2_000L);
    assertThat(row.getString(8)).isEqualTo("Order");
    assertThat(row.getString(9)).isEqualTo("OrderComponent");
    assertThat(row.getString(10)).isEqualTo("active");
    assertThat(row.getInteger(11)).isZero();
    assertThat(row.getString(12)).isEqualTo("idem-" + id);
    assertThat(row.getBoolean(13)).isTrue();
  }

  @Test
  void theSnapshotRowHoldsTheInstanceDataAndItsParts() throws Exception {
    String id = UUID.randomUUID().toString();
    InstanceSnapshot s = new InstanceSnapshot(id, "OrderComponent", "Order", "Validated", "active",
        Map.of("orderId", "O-7"), Map.of("note", "raw"), 1_000, 2_500, true, null, null, 12, "flow",
        UUID.randomUUID().toString(), List.of(new InstanceSnapshot.ArmedTimer(3, 9_000)));
    store.save(List.of(s)).await(10, TimeUnit.SECONDS);
    Row row = query("SELECT current_state, status, context->>'orderId', public_member, raw_context, event_count,"
        + " seq, pending_timeouts, is_entry_point, machine_name, component_name, created_at_ms, updated_at_ms,"
        + " (extract(epoch FROM created_at) * 1000)::bigint, updated_at IS NOT NULL"
        + " FROM fsm_snapshots WHERE instance_id = $1", Tuple.of(id)).get(0);
    assertThat(row.getString(0)).isEqualTo("Validated");
    assertThat(row.getString(1)).isEqualTo("active");
    assertThat(row.getString(2)).isEqualTo("O-7");
    assertThat(row.getJsonObject(3)).isEqualTo(new JsonObject().put("orderId", "O-7"));
    assertThat(row.getJsonObject(4)).isEqualTo(new JsonObject().put("note", "raw"));
    assertThat(row.getInteger(5)).isEqualTo(12);
    assertThat(row.getLong(6)).isEqualTo(12L);
    assertThat(row.getJsonArray(7)).isEqualTo(new JsonArray().add(new JsonObject().put("transitionIndex", 3).put("dueAt", 9000)));
    assertThat(row.getBoolean(8)).isTrue();
    assertThat(row.getString(9)).isEqualTo("Order");
    assertThat(row.getString(10)).isEqualTo("OrderComponent");
    assertThat(row.getLong(11)).isEqualTo(1_000L);
    assertThat(row.getLong(12)).isEqualTo(2_500L);
    assertThat(row.getLong(13)).isEqualTo(1_000L);
    assertThat(row.getBoolean(14)).isTrue();
  }

  /** With sequential scans priced out, every query of the store has an index to use. */
  @Test
  void everyQueryOfTheStoreIsServedByAnIndex() throws Exception {
    assertIndexScan("SELECT * FROM fsm_events WHERE instance_id = 'x' AND seq > 0 ORDER BY seq", "fsm_events_instance_seq_key");
    assertIndexScan("SELECT * FROM fsm_events WHERE persisted_at BETWEEN 1 AND 2 ORDER BY persisted_at, seq LIMIT 10",
        "fsm_events_persisted_at");
    assertIndexScan("SELECT * FROM fsm_events WHERE causation_id = '" + UUID.randomUUID() + "'::uuid"
        + " ORDER BY persisted_at, seq", "fsm_events_causation");
    assertIndexScan("SELECT * FROM fsm_events WHERE correlation_id = 'c' ORDER BY persisted_at, seq LIMIT 10",
        "fsm_events_correlation");
    assertIndexScan("SELECT * FROM fsm_snapshots WHERE component_name = 'C' AND status = 'active'"
        + " AND instance_id > 'a' ORDER BY instance_id LIMIT 10", "fsm_snapshots_component_status");
    assertIndexScan("SELECT * FROM fsm_snapshots WHERE instance_id = 'x'", "fsm_snapshots_pkey");
  }

  private static void assertIndexScan(String sql, String index) throws Exception {
    String plan = PgTestDatabase.withPool(vertx, pool -> pool.withTransaction(c -> c
        .query("SET LOCAL enable_seqscan = off").execute()
        .compose(x -> c.query("EXPLAIN " + sql).execute())
        .map(rows -> {
          StringBuilder b = new StringBuilder();
          rows.forEach(r -> b.append(r.getString(0)).append('\n'));
          return b.toString();
        })));
    assertThat(plan).as(sql).contains(index).doesNotContain("Seq Scan");
  }
}
