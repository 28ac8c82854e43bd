package dev.xcomponent.adapter.http;

import static dev.xcomponent.adapter.http.ApiServer.await;
import static dev.xcomponent.adapter.http.ApiServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/history/instances}: the audit search, through the real core, with and without a store. */
@ExtendWith(VertxExtension.class)
class HistorySearchTest {
  private final SearchableStore store = new SearchableStore();
  private LocalComponentRegistry registry;
  private HttpApiVerticle verticle;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx) {
    registry = await(LocalComponentRegistry.start(vertx, List.of(Fixtures.shop(), Fixtures.gate()), new HandlerRegistry(),
        new DroppingBroker(), store, RuntimeSettings.defaults().withPartitions(2), System::currentTimeMillis, List.of()));
    verticle = new HttpApiVerticle(registry, HttpSettings.defaults().withAddress("127.0.0.1", 0));
    await(vertx.deployVerticle(verticle));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    await(registry.stop());
  }

  private HttpResponse<Buffer> get(String path) {
    return await(client.get(verticle.actualPort(), "127.0.0.1", path).send());
  }

  private String create(Map<String, Object> context) {
    HttpResponse<Buffer> r = await(client.post(verticle.actualPort(), "127.0.0.1", "/api/components/Shop/instances")
        .sendJsonObject(new JsonObject().put("context", new JsonObject(context))));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("instanceId");
  }

  private JsonArray instances(String query) {
    HttpResponse<Buffer> r = get("/api/history/instances" + query);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("instances");
  }

  private static List<String> ids(JsonArray instances) {
    return instances.stream().map(o -> ((JsonObject) o).getString("instanceId")).toList();
  }

  @Test
  void recordedInstancesAreFoundByMachineStateAndTextNewestFirst() throws Exception {
    String alice = create(Map.of("customer", "Alice"));
    Thread.sleep(5);
    String bob = create(Map.of("customer", "Bob"));
    Thread.sleep(5);
    String shipped = create(Map.of("customer", "Carol"));
    for (String event : List.of("VALIDATE", "SHIP")) {
      HttpResponse<Buffer> r = await(client.post(verticle.actualPort(), "127.0.0.1", "/api/instances/" + shipped + "/events")
          .sendJsonObject(new JsonObject().put("type", event)));
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    }

    assertThat(ids(instances("?component=Shop"))).containsExactly(shipped, bob, alice);
    assertThat(ids(instances("?component=Shop&machine=Order&state=Draft"))).containsExactly(bob, alice);
    assertThat(ids(instances("?state=Shipped"))).as("finished instances are found").containsExactly(shipped);
    assertThat(ids(instances("?q=ALICE"))).containsExactly(alice);
    assertThat(ids(instances("?q=" + bob.substring(0, 8)))).containsExactly(bob);
    assertThat(ids(instances("?q=%25"))).isEmpty();
    assertThat(ids(instances("?limit=2"))).containsExactly(shipped, bob);
    assertThat(ids(instances(""))).as("the Gate's entry point too").hasSize(4).startsWith(shipped, bob, alice);
    assertThat(instances("?component=Gate").getJsonObject(0).getString("machineName")).isEqualTo("Gate");
    assertThat(ids(instances("?component=Gate&state=Closed"))).isEmpty();

    JsonObject row = instances("?state=Shipped").getJsonObject(0);
    assertThat(row.getString("componentName")).isEqualTo("Shop");
    assertThat(row.getString("machineName")).isEqualTo("Order");
    assertThat(row.getString("currentState")).isEqualTo("Shipped");
    assertThat(row.getString("status")).isEqualTo("completed");
    assertThat(row.getJsonObject("context").getString("customer")).isEqualTo("Carol");
    assertThat(row.getLong("updatedAt")).isPositive();
    assertThat(store.lastQuery.limit()).isEqualTo(100);
  }

  @Test
  void theLimitIsBoundedAndBadParametersAreRefused() {
    instances("?limit=100000");
    assertThat(store.lastQuery.limit()).isEqualTo(SnapshotSearch.MAX_LIMIT);
    error(get("/api/history/instances?limit=0"), 400, "INVALID_REQUEST");
    error(get("/api/history/instances?limit=ten"), 400, "INVALID_REQUEST");
    error(get("/api/history/instances?q=" + "x".repeat(300)), 400, "INVALID_REQUEST");
    error(get("/api/history/instances?state=a%0Ab"), 400, "INVALID_REQUEST");
  }

  @Test
  void aStoreFailureIsAnErrorAnswer() {
    store.down = true;
    JsonObject body = error(get("/api/history/instances"), 503, "UNAVAILABLE");
    assertThat(body.getString("error")).isEqualTo("The event store cannot answer: store down");
  }

  /** A process without an event store answers an empty list and says why, as the reference does. */
  @Test
  void withoutAStoreTheAnswerIsEmptyWithAMessage(Vertx vertx) {
    ApiServer plain = ApiServer.start(vertx);
    try {
      HttpResponse<Buffer> r = plain.get("/api/history/instances?machine=Order");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject body = r.bodyAsJsonObject();
      assertThat(body.getJsonArray("instances")).isEmpty();
      assertThat(body.getString("message")).isEqualTo(RuntimeFailure.NO_EVENT_STORE).startsWith("No event store configured");
    } finally {
      plain.stop();
    }
  }

  /**
   * A minimal store for the HTTP tests: the latest snapshot per instance, searched by scanning
   * (the real stores and their indexes have their own tests, in their adapters).
   */
  static final class SearchableStore implements EventStore, SnapshotStore {
    private final Map<String, InstanceSnapshot> snapshots = new LinkedHashMap<>();
    private final List<StoredEvent> events = new CopyOnWriteArrayList<>();
    volatile SnapshotSearch lastQuery;
    volatile boolean down;

    @Override
    public synchronized Future<AppendResult> append(
        List<StoredEvent> batch, List<InstanceSnapshot> snaps, List<dev.xcomponent.port.OutboxMessage> out) {
      events.addAll(batch);
      snaps.forEach(s -> snapshots.merge(s.instanceId(), s, (old, neu) -> neu.seq() >= old.seq() ? neu : old));
      outbox.addAll(out);
      return Future.succeededFuture(AppendResult.ALL_WRITTEN);
    }

    private final List<dev.xcomponent.port.OutboxMessage> outbox = new CopyOnWriteArrayList<>();

    @Override
    public Future<List<dev.xcomponent.port.OutboxMessage>> outbox(String component, long after, int limit) {
      return Future.succeededFuture(outbox.stream().filter(m -> m.componentName().equals(component)).limit(limit).toList());
    }

    @Override
    public Future<Void> relayed(String component, List<String> ids) {
      outbox.removeIf(m -> ids.contains(m.messageId()));
      return Future.succeededFuture();
    }

    @Override
    public Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
      return Future.succeededFuture(events.stream().filter(e -> e.instanceId().equals(instanceId) && e.seq() > afterSeq).toList());
    }

    @Override
    public Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<StoredEvent>> causedBy(String eventId) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public String describe() {
      return "test store";
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> save(List<InstanceSnapshot> snaps) {
      return append(List.of(), snaps).mapEmpty();
    }

    @Override
    public synchronized Future<Optional<InstanceSnapshot>> load(String instanceId) {
      return Future.succeededFuture(Optional.ofNullable(snapshots.get(instanceId)));
    }

    @Override
    public Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<InstanceSnapshot>> entryPoints(String componentName) {
      return Future.succeededFuture(List.of()); // like activeSnapshots: these tests restore nothing
    }

    @Override
    public synchronized Future<List<InstanceSnapshot>> search(SnapshotSearch q) {
      lastQuery = q;
      if (down) {
        return Future.failedFuture(new dev.xcomponent.port.StoreFailure(
            dev.xcomponent.port.StoreFailure.Reason.UNAVAILABLE, "store down"));
      }
      List<InstanceSnapshot> out = new ArrayList<>();
      for (InstanceSnapshot s : snapshots.values()) {
        Map<String, Object> data = s.publicMember() != null ? s.publicMember() : s.context();
        String text = (s.instanceId() + "\n" + new JsonObject(data).encode()).toLowerCase(Locale.ROOT);
        if (q.matchesNames(s) && (q.text() == null || text.contains(q.text().toLowerCase(Locale.ROOT)))) {
          out.add(s);
        }
      }
      out.sort(Comparator.comparingLong(InstanceSnapshot::updatedAt).thenComparing(InstanceSnapshot::instanceId).reversed());
      return Future.succeededFuture(out.subList(0, Math.min(q.limit(), out.size())));
    }

    @Override
    public synchronized Future<Void> delete(String instanceId) {
      snapshots.remove(instanceId);
      return Future.succeededFuture();
    }
  }
}
