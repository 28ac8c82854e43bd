package dev.xcomponent.bench;

import dev.xcomponent.adapter.http.HttpApiVerticle;
import dev.xcomponent.adapter.http.HttpSettings;
import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live fan-out of the dashboard WebSocket: the Order/Payment example behind an {@link
 * HttpApiVerticle}, N clients on {@code /ws} (no Origin header, no subscription message), then for
 * D seconds R transitions per second (alternately SUBMIT and CANCEL, each on a fresh Order, paced
 * in 10 ms slices) through {@code registry.sendEvent}. Counts per client the {@code state_change}
 * messages of OrderComponent received against the transitions that succeeded, and the latency from
 * {@code sendEvent} to receipt (nanoTime, same process) and from the message timestamp (ms).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.xcomponent.bench.LiveFanOut
 * [clients=20] [ratePerSecond=1000] [seconds=10] [preloadOrders=2000] [exampleDir=examples/order-payment]}.
 */
public final class LiveFanOut {
  private LiveFanOut() {}

  /** One client's counters; written only on its event loop, read after the run. */
  private static final class Counter {
    final AtomicInteger stateChanges = new AtomicInteger();
    final AtomicInteger otherMessages = new AtomicInteger();
    final long[] latencyNanos;
    final AtomicInteger latencies = new AtomicInteger();
    final long[] tsLatencyMs;
    final long[] sentAtNanos;
    volatile Short closedWith;

    Counter(int capacity) {
      latencyNanos = new long[capacity];
      tsLatencyMs = new long[capacity];
      sentAtNanos = new long[capacity];
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int preload = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    Path dir = Path.of(args.length > 4 ? args[4] : "examples/order-payment");
    int transitions = rate * seconds;

    Vertx vertx = BenchVertx.create();
    try {
      LocalComponentRegistry registry = LocalComponentRegistry.start(vertx,
          List.of(OrderFixtures.load(dir.resolve("order-component.yaml")), OrderFixtures.load(dir.resolve("payment-component.yaml"))),
          new HandlerRegistry(), new InMemoryMessageBroker(vertx), RuntimeSettings.defaults().withHistoryLimit(0))
          .await(30, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      // preload + one fresh Order per transition
      List<String> ids = OrderFixtures.createOrders(registry, preload + transitions);
      System.out.printf("created %d Orders (%d preloaded + %d fresh targets) in %.1f s%n",
          ids.size(), preload, transitions, (System.nanoTime() - t0) / 1e9);
      List<String> targets = ids.subList(preload, ids.size());

      HttpApiVerticle http = new HttpApiVerticle(registry, HttpSettings.defaults().withAddress("127.0.0.1", 0));
      vertx.deployVerticle(http).await(10, TimeUnit.SECONDS);
      int port = http.actualPort();

      Map<String, Long> sentAt = new ConcurrentHashMap<>(transitions * 2);
      Counter[] counters = new Counter[clients];
      List<WebSocket> sockets = new ArrayList<>();
      WebSocketClient wsClient = vertx.createWebSocketClient();
      for (int c = 0; c < clients; c++) {
        Counter counter = new Counter(transitions + 16);
        counters[c] = counter;
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
            .setAllowOriginHeader(false);
        WebSocket ws = wsClient.webSocket()
            .textMessageHandler(text -> {
              long now = System.nanoTime();
              long nowMs = System.currentTimeMillis();
              JsonObject m = new JsonObject(text);
              if ("state_change".equals(m.getString("type")) && "OrderComponent".equals(m.getString("componentName"))) {
                counter.stateChanges.incrementAndGet();
                JsonObject data = m.getJsonObject("data");
                Long at = data == null ? null : sentAt.get(data.getString("instanceId"));
                int k = counter.latencies.getAndIncrement();
                if (k < counter.latencyNanos.length) {
                  counter.latencyNanos[k] = at == null ? -1 : now - at;
                  counter.sentAtNanos[k] = at == null ? -1 : at;
                  counter.tsLatencyMs[k] = nowMs - m.getLong("timestamp", nowMs);
                }
              } else {
                counter.otherMessages.incrementAndGet();
              }
            })
            .connect(o).await(10, TimeUnit.SECONDS);
        ws.closeHandler(v -> counter.closedWith = ws.closeStatusCode());
        sockets.add(ws);
      }
      Thread.sleep(1000); // let the initial components_list / instances_update messages arrive
      System.out.printf("%d clients connected to ws://127.0.0.1:%d/ws%n", clients, port);

      // Fire: rate/s, in 10 ms slices of rate/100 events each.
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      Semaphore inFlight = new Semaphore(2048);
      int perSlice = Math.max(1, rate / 100);
      long sliceNanos = 10_000_000L;
      long start = System.nanoTime();
      int i = 0;
      for (long slice = 0; i < transitions; slice++) {
        long due = start + slice * sliceNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        for (int j = 0; j < perSlice && i < transitions; j++, i++) {
          String id = targets.get(i);
          String type = (i % 2 == 0) ? "SUBMIT" : "CANCEL";
          inFlight.acquire();
          sentAt.put(id, System.nanoTime());
          registry.sendEvent("OrderComponent", id, Event.of(type, Map.of(), System.currentTimeMillis()))
              .onComplete(ar -> {
                if (ar.succeeded()) {
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                inFlight.release();
              });
        }
      }
      long fired = System.nanoTime() - start;
      inFlight.acquire(2048);
      long acked = System.nanoTime() - start;
      System.out.printf("fired %d transitions in %.3f s (%.0f/s), all completed after %.3f s; ok=%d failed=%d%n",
          transitions, fired / 1e9, transitions / (fired / 1e9), acked / 1e9, ok.get(), failed.get());

      // Drain: wait until every client has all, or 10 s without progress.
      long expected = ok.get();
      long lastTotal = -1;
      long lastProgress = System.nanoTime();
      while (true) {
        long total = 0;
        boolean all = true;
        for (Counter c : counters) {
          total += c.stateChanges.get();
          all &= c.stateChanges.get() >= expected || c.closedWith != null;
        }
        if (all) {
          break;
        }
        if (total != lastTotal) {
          lastTotal = total;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > 10_000_000_000L) {
          break;
        }
        Thread.sleep(50);
      }
      long drained = System.nanoTime() - start;
      System.out.printf("last message received %.3f s after the first send%n", drained / 1e9);

      System.out.printf("%nper client: state_change received / expected %d (loss), other messages, closed%n", expected);
      long totalReceived = 0;
      long minReceived = Long.MAX_VALUE;
      List<Long> allLat = new ArrayList<>();
      List<Long> allTs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Counter k = counters[c];
        int got = k.stateChanges.get();
        totalReceived += got;
        minReceived = Math.min(minReceived, got);
        System.out.printf("  client %2d: %6d / %d  loss %d (%.3f%%)  other %d  %s%n", c, got, expected, expected - got,
            100.0 * (expected - got) / expected, k.otherMessages.get(),
            k.closedWith == null ? "open" : "closed " + k.closedWith);
        int n = Math.min(k.latencies.get(), k.latencyNanos.length);
        for (int x = 0; x < n; x++) {
          if (k.latencyNanos[x] >= 0) {
            allLat.add(k.latencyNanos[x]);
          }
          allTs.add(k.tsLatencyMs[x]);
        }
      }
      System.out.printf("total %d of %d delivered (%.3f%% loss), min per client %d; fan-out rate %.0f msgs/s%n",
          totalReceived, expected * clients, 100.0 * (expected * clients - totalReceived) / (expected * clients),
          minReceived, totalReceived / (drained / 1e9));
      long[] lat = allLat.stream().mapToLong(Long::longValue).sorted().toArray();
      long[] ts = allTs.stream().mapToLong(Long::longValue).sorted().toArray();
      if (lat.length > 0) {
        System.out.printf("latency sendEvent -> client receipt (nanoTime, %d samples): p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
            lat.length, OrderFixtures.quantile(lat, 0.50) / 1e6, OrderFixtures.quantile(lat, 0.99) / 1e6, lat[lat.length - 1] / 1e6);
        System.out.printf("latency message timestamp -> client receipt (ms clock): p50 %d ms  p99 %d ms  max %d ms%n",
            OrderFixtures.quantile(ts, 0.50), OrderFixtures.quantile(ts, 0.99), ts[ts.length - 1]);
      }
      System.out.println("latency sendEvent -> receipt by second of the run (by send time):");
      for (int sec = 0; sec <= seconds; sec++) {
        List<Long> b = new ArrayList<>();
        for (Counter k : counters) {
          int n = Math.min(k.latencies.get(), k.latencyNanos.length);
          for (int x = 0; x < n; x++) {
            if (k.latencyNanos[x] >= 0 && (k.sentAtNanos[x] - start) / 1_000_000_000L == sec) {
              b.add(k.latencyNanos[x]);
            }
          }
        }
        if (!b.isEmpty()) {
          long[] bs = b.stream().mapToLong(Long::longValue).sorted().toArray();
          System.out.printf("  s%-2d %6d samples  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n", sec, bs.length,
              OrderFixtures.quantile(bs, 0.50) / 1e6, OrderFixtures.quantile(bs, 0.99) / 1e6, bs[bs.length - 1] / 1e6);
        }
      }
      for (WebSocket ws : sockets) {
        ws.close();
      }
      wsClient.close();
      registry.stop().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
