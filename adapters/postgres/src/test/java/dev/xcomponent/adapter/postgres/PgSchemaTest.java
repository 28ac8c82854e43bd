package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schema creation and migration, each test in a schema of its own. */
class PgSchemaTest {
  private static Vertx vertx;
  private String schema;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void newSchema() throws Exception {
    schema = PgTestDatabase.newSchema(vertx);
  }

  @AfterEach
  void dropSchema() throws Exception {
    PgTestDatabase.dropSchema(vertx, schema);
  }

  private PgSettings settings() {
    return PgTestDatabase.settings().withSearchPath(schema);
  }

  private List<String> indexes() throws Exception {
    return PgTestDatabase.withPool(vertx, pool -> pool
        .preparedQuery("SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname")
        .execute(Tuple.of(schema))
        .map(rows -> {
          List<String> names = new ArrayList<>();
          rows.forEach(r -> names.add(r.getString(0)));
          return names;
        }));
  }

  private static final List<String> EXPECTED_INDEXES = List.of(
      "fsm_events_causation", "fsm_events_component_type", "fsm_events_correlation", "fsm_events_idempotency_key",
      "fsm_events_instance_seq_key", "fsm_events_machine", "fsm_events_persisted_at", "fsm_events_pkey",
      "fsm_outbox_component", "fsm_outbox_message_id_key", "fsm_outbox_pkey",
      "fsm_snapshots_component_status", "fsm_snapshots_entry_points", "fsm_snapshots_machine", "fsm_snapshots_pkey",
      "fsm_snapshots_recent",
      "fsm_snapshots_search", "fsm_snapshots_search_machine", "fsm_snapshots_state", "fsm_snapshots_text",
      "fsm_snapshots_updated_at");

  @Test
  void creatingTheSchemaTwiceIsHarmless() throws Exception {
    PgEventStore first = PgTestDatabase.connect(vertx, settings());
    StoredEvent e = event(UUID.randomUUID().toString(), 1);
    first.append(List.of(e), List.of()).await(10, TimeUnit.SECONDS);
    first.close().await(10, TimeUnit.SECONDS);
    assertThat(indexes()).containsExactlyElementsOf(EXPECTED_INDEXES);

    PgEventStore second = PgTestDatabase.connect(vertx, settings());
    assertThat(second.events(e.instanceId(), 0).await(10, TimeUnit.SECONDS)).hasSize(1);
    second.close().await(10, TimeUnit.SECONDS);
    assertThat(indexes()).containsExactlyElementsOf(EXPECTED_INDEXES);
  }

  @Test
  void runtimesStartingTogetherDoNotRaceOnTheSchema() throws Exception {
    List<Future<PgEventStore>> starting = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      starting.add(PgEventStore.connect(vertx, settings()));
    }
    Future.join(starting).await(30, TimeUnit.SECONDS);
    assertThat(starting).allSatisfy(f -> assertThat(f.succeeded()).as("%s", f.cause()).isTrue());
    for (Future<PgEventStore> f : starting) {
      f.result().close().await(10, TimeUnit.SECONDS);
    }
    assertThat(indexes()).containsExactlyElementsOf(EXPECTED_INDEXES);
  }

  /** The tables the reference implementation (xcomponent-ai 0.6.0) creates, with a row of each. */
  @Test
  void tablesOfTheReferenceImplementationAreMigratedAndKeepTheirRows() throws Exception {
    String instance = UUID.randomUUID().toString();
    String firstId = UUID.randomUUID().toString();
    String secondId = UUID.randomUUID().toString();
    PgTestDatabase.withPool(vertx, pool -> pool.withTransaction(c -> c
        .query("SET LOCAL search_path = " + schema).execute()
        .compose(x -> c.query("""
            CREATE TABLE fsm_events (id UUID PRIMARY KEY, instance_id UUID NOT NULL,
              machine_name VARCHAR(255) NOT NULL, component_name VARCHAR(255), event_type VARCHAR(255) NOT NULL,
              event_payload JSONB, from_state VARCHAR(255), to_state VARCHAR(255), context JSONB,
              public_member_snapshot JSONB, source_component_name VARCHAR(255), correlation_id UUID,
              causation_id UUID, caused JSONB DEFAULT '[]', persisted_at BIGINT NOT NULL,
              created_at TIMESTAMPTZ DEFAULT NOW())""").execute())
        .compose(x -> c.query("CREATE INDEX idx_fsm_events_instance_id ON fsm_events(instance_id)").execute())
        .compose(x -> c.query("""
            CREATE TABLE fsm_snapshots (instance_id UUID PRIMARY KEY, machine_name VARCHAR(255) NOT NULL,
              current_state VARCHAR(255) NOT NULL, context JSONB, event_count INTEGER DEFAULT 0,
              pending_timeouts JSONB DEFAULT '[]', created_at TIMESTAMPTZ DEFAULT NOW(),
              updated_at TIMESTAMPTZ DEFAULT NOW())""").execute())
        .compose(x -> c.preparedQuery("""
            INSERT INTO fsm_events (id, instance_id, machine_name, component_name, event_type, event_payload,
              from_state, to_state, context, public_member_snapshot, correlation_id, causation_id, persisted_at)
            VALUES ($1::uuid, $2::uuid, 'Order', 'OrderComponent', $3, '{}', $4, $5, $6::text::jsonb, $6::text::jsonb,
              NULL, NULL, $7)""")
            .executeBatch(List.of(
                Tuple.of(secondId, instance, "VALIDATE", "Created", "Validated", "{\"orderId\":\"O-1\",\"ok\":true}", 2000L),
                Tuple.of(firstId, instance, "INSTANCE_CREATED", "", "Created", "{\"orderId\":\"O-1\"}", 1000L))))
        .compose(x -> c.preparedQuery("INSERT INTO fsm_snapshots (instance_id, machine_name, current_state, context)"
            + " VALUES ($1::uuid, 'Order', 'Validated', '{\"orderId\":\"O-1\",\"ok\":true}')").execute(Tuple.of(instance)))));

    PgEventStore store = PgTestDatabase.connect(vertx, settings());
    try {
      List<StoredEvent> events = store.events(instance, 0).await(10, TimeUnit.SECONDS);
      assertThat(events).extracting(StoredEvent::seq).containsExactly(1L, 2L);
      assertThat(events).extracting(StoredEvent::id).containsExactly(firstId, secondId);
      assertThat(events.get(1).eventType()).isEqualTo("VALIDATE");
      assertThat(events.get(1).data()).isEqualTo(Map.of("orderId", "O-1", "ok", true));
      assertThat(events.get(1).publicMember()).isNull();
      assertThat(events.get(0).fromState()).isEmpty();

      StoredEvent third = new StoredEvent(UUID.randomUUID().toString(), instance, 3, "OrderComponent", "Order", "SHIP",
          Map.of(), "Validated", "Shipped", Map.of("orderId", "O-1"), null, Map.of("orderId", "O-1"), "active", 1,
          null, "c", null, null, 3000);
      store.append(List.of(third), List.of()).await(10, TimeUnit.SECONDS);
      StoredEvent stale = new StoredEvent(UUID.randomUUID().toString(), instance, 2, "OrderComponent", "Order", "SHIP",
          Map.of(), "Validated", "Shipped", Map.of(), null, Map.of(), "active", 1, null, "c", null, null, 3000);
      Throwable t = catchThrowable(() -> store.append(List.of(stale), List.of()).await(10, TimeUnit.SECONDS));
      assertThat(t).isInstanceOf(StoreFailure.class);
      assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.CONFLICT);
      assertThat(t.getMessage()).isEqualTo("event 2 of instance " + instance + " is already stored");

      var snapshot = store.load(instance).await(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(snapshot.state()).isEqualTo("Validated");
      assertThat(snapshot.context()).isEqualTo(Map.of("orderId", "O-1", "ok", true));
      assertThat(snapshot.publicMember()).isNull();
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
    }
    // a second start changes nothing
    PgEventStore again = PgTestDatabase.connect(vertx, settings());
    assertThat(again.events(instance, 0).await(10, TimeUnit.SECONDS)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    again.close().await(10, TimeUnit.SECONDS);
    List<Row> types = PgTestDatabase.withPool(vertx, pool -> pool.preparedQuery(
        "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
            + " WHERE table_schema = $1 AND column_name IN ('instance_id', 'correlation_id') ORDER BY 1")
        .execute(Tuple.of(schema)).map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        }));
    assertThat(types).extracting(r -> r.getString(0) + "=" + r.getString(1)).containsExactly(
        "fsm_events.correlation_id=character varying", "fsm_events.instance_id=text",
        "fsm_snapshots.correlation_id=character varying", "fsm_snapshots.instance_id=text");
  }

  private static StoredEvent event(String instance, long seq) {
    return new StoredEvent(UUID.randomUUID().toString(), instance, seq, "C", "M", StoredEvent.INSTANCE_CREATED,
        Map.of(), "", "S", Map.of("a", 1), null, Map.of("a", 1), "active", -1, null, "corr", null, null, 1);
  }
}
