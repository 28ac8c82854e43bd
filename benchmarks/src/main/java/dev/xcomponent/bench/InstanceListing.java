package dev.xcomponent.bench;

import dev.xcomponent.adapter.http.HttpApiVerticle;
import dev.xcomponent.adapter.http.HttpSettings;
import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Instance listings on a large runtime: the Order/Payment example with N Orders (default 100,000),
 * 1% of them submitted (state PendingPayment, each with a Payment in PaymentComponent) and 0.1%
 * cancelled (finished, status error). Times, over many calls (p50/p99/max), the first page, the
 * 100th page (through the cursor), a rare-state filter, status filters, and for reference a
 * listing of every instance; in process through {@code registry.listInstances} and over HTTP
 * ({@code GET /api/instances}, loopback, one request at a time).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.xcomponent.bench.InstanceListing
 * [orders=100000] [calls=2000] [exampleDir=examples/order-payment]}.
 */
public final class InstanceListing {
  private static final int PAGE = 100;

  private InstanceListing() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Path dir = Path.of(args.length > 2 ? args[2] : "examples/order-payment");
    Vertx vertx = BenchVertx.create();
    try {
      LocalComponentRegistry registry = LocalComponentRegistry.start(vertx,
          List.of(OrderFixtures.load(dir.resolve("order-component.yaml")), OrderFixtures.load(dir.resolve("payment-component.yaml"))),
          new HandlerRegistry(), new InMemoryMessageBroker(vertx), RuntimeSettings.defaults().withHistoryLimit(0))
          .await(30, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      List<String> ids = OrderFixtures.createOrders(registry, orders);
      System.out.printf("created %d Orders in %.1f s%n", orders, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      int submitted = 0;
      int cancelled = 0;
      for (int i = 0; i < ids.size(); i++) {
        if (i % 100 == 50) {
          send(registry, ids.get(i), "SUBMIT");
          submitted++;
        } else if (i % 1000 == 7) {
          send(registry, ids.get(i), "CANCEL");
          cancelled++;
        }
      }
      System.out.printf("submitted %d (-> PendingPayment, one Payment each), cancelled %d (final: completed, retained), in %.1f s%n",
          submitted, cancelled, (System.nanoTime() - t0) / 1e9);

      InstanceQuery first = new InstanceQuery("OrderComponent", null, null, null, PAGE + 1);
      InstanceCursor page100 = cursorBefore(registry, first, 99);
      Map<String, InstanceQuery> queries = new java.util.LinkedHashMap<>();
      queries.put("first page", first);
      queries.put("100th page", new InstanceQuery("OrderComponent", null, null, null, PAGE + 1, page100));
      queries.put("state=PendingPayment (1%)", new InstanceQuery("OrderComponent", "Order", "PendingPayment", null, PAGE + 1));
      queries.put("state=PendingPayment, 5th page", new InstanceQuery("OrderComponent", "Order", "PendingPayment", null, PAGE + 1,
          cursorBefore(registry, new InstanceQuery("OrderComponent", "Order", "PendingPayment", null, PAGE + 1), 4)));
      queries.put("status=active", new InstanceQuery("OrderComponent", null, null, "active", PAGE + 1));
      queries.put("status=completed (0.1%, finished)", new InstanceQuery("OrderComponent", null, null, "completed", PAGE + 1));
      queries.put("state=Shipped (none)", new InstanceQuery("OrderComponent", "Order", "Shipped", null, PAGE + 1));
      queries.put("machine=Order", new InstanceQuery("OrderComponent", "Order", null, null, PAGE + 1));

      // The first listing filtered by a machine's state is a scan (here of every instance: none is
      // Shipped) that asks the partitions to index the machine; later ones use the index.
      long s0 = System.nanoTime();
      int found = registry.listInstances(queries.get("state=Shipped (none)")).size();
      System.out.printf("first listing filtered by state, before the index (a scan of all): %.3f ms, %d found%n",
          (System.nanoTime() - s0) / 1e6, found);
      Thread.sleep(500);

      System.out.printf("%nin process, registry.listInstances, %d calls each after %d warm-up:%n", calls, calls / 2);
      for (Map.Entry<String, InstanceQuery> q : queries.entrySet()) {
        InstanceQuery query = q.getValue();
        int[] size = new int[1];
        long[] nanos = time(calls, () -> {
          size[0] = registry.listInstances(query).size();
        });
        report(q.getKey(), nanos, size[0]);
      }
      int[] all = new int[1];
      report("reference: every instance (limit=max)", time(20, () -> {
        all[0] = registry.listInstances(new InstanceQuery(null, null, null, null, Integer.MAX_VALUE)).size();
      }), all[0]);

      HttpApiVerticle http = new HttpApiVerticle(registry, HttpSettings.defaults().withAddress("127.0.0.1", 0));
      vertx.deployVerticle(http).await(10, TimeUnit.SECONDS);
      WebClient client = WebClient.create(vertx);
      System.out.printf("%nover HTTP, GET /api/instances?component=OrderComponent&limit=%d&..., %d calls each:%n", PAGE, calls);
      for (Map.Entry<String, InstanceQuery> q : queries.entrySet()) {
        String path = path(q.getValue());
        int[] size = new int[1];
        long[] nanos = time(calls, () -> {
          JsonObject body = client.get(http.actualPort(), "127.0.0.1", path).send()
              .await(10, TimeUnit.SECONDS).bodyAsJsonObject();
          size[0] = body.getJsonArray("instances").size();
        });
        report(q.getKey(), nanos, size[0]);
      }
      client.close();
      registry.stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static String path(InstanceQuery q) {
    StringBuilder b = new StringBuilder("/api/instances?component=").append(q.component()).append("&limit=").append(PAGE);
    if (q.machine() != null) {
      b.append("&machine=").append(q.machine());
    }
    if (q.state() != null) {
      b.append("&state=").append(q.state());
    }
    if (q.status() != null) {
      b.append("&status=").append(q.status());
    }
    if (q.after() != null) {
      b.append("&after=").append(URLEncoder.encode(q.after().encode(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** The cursor after {@code pages} pages of {@code q}. */
  private static InstanceCursor cursorBefore(LocalComponentRegistry registry, InstanceQuery q, int pages) {
    InstanceCursor after = null;
    for (int p = 0; p < pages; p++) {
      List<InstanceView> page = registry.listInstances(
          new InstanceQuery(q.component(), q.machine(), q.state(), q.status(), PAGE, after));
      after = InstanceCursor.of(page.get(page.size() - 1));
    }
    return after;
  }

  /** One timed call. */
  private interface Call {
    void run() throws Exception;
  }

  private static long[] time(int calls, Call call) throws Exception {
    for (int i = 0; i < calls / 2; i++) {
      call.run();
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, long[] sorted, int size) {
    System.out.printf("  %-38s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (%d listed)%n", what,
        OrderFixtures.quantile(sorted, 0.50) / 1e6, OrderFixtures.quantile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, size);
  }

  private static void send(LocalComponentRegistry registry, String id, String type) {
    Future<?> f = registry.sendEvent("OrderComponent", id, Event.of(type, Map.of(), System.currentTimeMillis()));
    try {
      f.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(type + " " + id + " failed", e);
    }
  }
}
