package dev.xcomponent.bench;

import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver: cross-component round trips over a broker. PingComponent's instance fires a
 * cross_component transition to PongComponent (property routing on {@code pairId}); the Pong
 * instance's transition answers with a cross_component transition back; the round trip ends when
 * the Ping instance reaches Done. With a real broker, each component runs in its own registry with
 * its own broker client, as two runtime processes would. With {@code memory}, both run in one
 * registry, as {@code serve} runs them (messages between them skip the broker); {@code
 * -Dsplit=true} runs them in two registries over the in-memory broker instead.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.xcomponent.bench.CrossComponentRoundTrip
 * URL [roundTrips=1000] [flows=3000] [concurrency=64]} with URL {@code memory}, {@code amqp://…},
 * {@code redis://…} or {@code kafka://…}. Prints p50/p90/p99/max of sequential round trips and the
 * flows per second with {@code concurrency} flows in flight, after {@code -Dwarmup} round trips that
 * are not measured (default 60,000 in memory, about 6 s: the JIT keeps recompiling the path for
 * the first 10,000 to 20,000, and runs after fewer vary widely; 3,000 over a broker). {@code -Dloops=N} sets the number of event loops
 * ({@code -Dloops=1}: everything on one thread) and, unless {@code -Dpartitions} says otherwise, the
 * partitions per component, as {@code EVENT_LOOPS} does in the app. {@code -Dbatches=N} repeats the
 * sequential measurement N times in the same process, which shows whether a run's figure is
 * steady (see benchmarks/README.md, "Heap pre-touch"). Nothing of the benchmark's own runs on the
 * runtime's threads between the two measured transitions: a flow's wait has no timer of its own
 * (the caller's {@code await} bounds it), since arming one there cost about 20 µs of the round trip.
 */
public final class CrossComponentRoundTrip {
  private final Map<String, Promise<Void>> done = new ConcurrentHashMap<>();
  /** When each Ping instance's sending transition (Idle to Waiting) was reported, in ns. */
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  /** Round trips measured inside the runtime: Ping's sending transition to its answered one, in µs. */
  private final List<Long> inRuntime = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private LocalComponentRegistry ping;
  private LocalComponentRegistry pong;

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "memory";
    int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int flows = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    Vertx vertx = BenchVertx.create();
    try (BenchBrokers.Clients clients = BenchBrokers.open(vertx, url)) {
      new CrossComponentRoundTrip().run(vertx, clients, roundTrips, flows, concurrency, url);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
      BenchBrokers.forgetGroups(url, List.of("PingComponent", "PongComponent"));
    }
  }

  private void run(Vertx vertx, BenchBrokers.Clients clients, int roundTrips, int flows, int concurrency, String url)
      throws Exception {
    RuntimeSettings settings = RuntimeSettings.defaults().withHistoryLimit(0)
        .withPartitions(Integer.getInteger("partitions", Integer.getInteger("loops", RuntimeSettings.defaults().partitions())));
    if (url.equals("memory") && !Boolean.getBoolean("split")) {
      ping = LocalComponentRegistry.start(vertx, List.of(load("ping-component.yaml"), load("pong-component.yaml")),
          new HandlerRegistry(), clients.first(), settings).await(30, TimeUnit.SECONDS);
      pong = ping;
    } else {
      ping = LocalComponentRegistry.start(vertx, List.of(load("ping-component.yaml")), new HandlerRegistry(),
          clients.first(), settings).await(30, TimeUnit.SECONDS);
      pong = LocalComponentRegistry.start(vertx, List.of(load("pong-component.yaml")), new HandlerRegistry(),
          clients.second(), settings).await(30, TimeUnit.SECONDS);
    }
    ping.addListener(e -> {
      if ("state_change".equals(e.type()) && "Waiting".equals(e.payload().get("newState"))) {
        sentAt.put((String) e.payload().get("instanceId"), System.nanoTime());
      }
      if ("state_change".equals(e.type()) && "Done".equals(e.payload().get("newState"))) {
        Long sent = sentAt.remove((String) e.payload().get("instanceId"));
        if (sent != null) {
          inRuntime.add((System.nanoTime() - sent) / 1000);
        }
        Promise<Void> p = done.remove((String) e.payload().get("instanceId"));
        if (p != null) {
          p.tryComplete();
        }
      }
    });
    // Warm-up (until the JIT compiled the path: -Dwarmup round trips), then sequential round trips.
    for (int i = 0; i < Integer.getInteger("warmup", url.equals("memory") ? 60_000 : 3_000); i++) {
      flow().await(30, TimeUnit.SECONDS);
    }
    for (int batch = 1, batches = Integer.getInteger("batches", 1); batch <= batches; batch++) {
      measureSequential(url, roundTrips, batches > 1 ? " (batch " + batch + "/" + batches + ")" : "");
    }
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < flows; i++) {
      inFlight.acquire();
      flow().onComplete(ar -> {
        if (ar.failed()) {
          failed.incrementAndGet();
        }
        inFlight.release();
      });
    }
    if (!inFlight.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("flows still in flight after 60 s: a round trip was lost");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d flows with %d in flight: %.0f flows/s (%d failed)%n", describe(url), flows, concurrency,
        flows / seconds, failed.get());
    ping.stop().await(20, TimeUnit.SECONDS);
    if (pong != ping) {
      pong.stop().await(20, TimeUnit.SECONDS);
    }
  }

  /**
   * {@code roundTrips} sequential round trips, each prepared and then asked from this thread so
   * that it starts on a runtime with nothing else to do; prints their quantiles, the same measured
   * inside the runtime, and the bytes all threads allocated per round trip (the two instance
   * creations included).
   */
  private void measureSequential(String url, int roundTrips, String label) throws java.util.concurrent.TimeoutException {
    long[] micros = new long[roundTrips];
    inRuntime.clear();
    long allocatedBefore = BenchJvm.allocatedBytes();
    for (int i = 0; i < roundTrips; i++) {
      String asking = prepare().await(30, TimeUnit.SECONDS);
      micros[i] = ask(asking).await(30, TimeUnit.SECONDS);
    }
    long allocated = BenchJvm.allocatedBytes() - allocatedBefore;
    Arrays.sort(micros);
    System.out.printf("%s: %d sequential round trips%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        describe(url), roundTrips, label, OrderFixtures.quantile(micros, 0.50) / 1000.0,
        OrderFixtures.quantile(micros, 0.90) / 1000.0, OrderFixtures.quantile(micros, 0.99) / 1000.0,
        micros[roundTrips - 1] / 1000.0);
    long[] inside = inRuntime.stream().mapToLong(Long::longValue).sorted().toArray();
    if (inside.length > 0) {
      System.out.printf("%s: the same, from Ping's sending transition to its answered one (no caller thread): p50 %.3f ms,"
          + " p90 %.3f ms, p99 %.3f ms%n", describe(url), OrderFixtures.quantile(inside, 0.50) / 1000.0,
          OrderFixtures.quantile(inside, 0.90) / 1000.0, OrderFixtures.quantile(inside, 0.99) / 1000.0);
    }
    System.out.printf("%s: allocated %.1f KiB per round trip (all threads)%n", describe(url), allocated / 1024.0 / roundTrips);
  }

  /** One round trip; completes with its duration in microseconds (from GO to Done). */
  private Future<Long> flow() {
    return prepare().compose(this::ask);
  }

  /** Creates a Pong and a Ping instance with the same pair id; completes with the Ping's id. */
  private Future<String> prepare() {
    Map<String, Object> data = Map.of("pairId", UUID.randomUUID().toString());
    return pong.createInstance("PongComponent", "Pong", data)
        .compose(p -> ping.createInstance("PingComponent", "Ping", data))
        .map(dev.xcomponent.port.InstanceView::id);
  }

  /** Sends GO to a prepared Ping instance; completes with the round trip in microseconds. */
  private Future<Long> ask(String pingId) {
    Promise<Void> finished = Promise.promise();
    done.put(pingId, finished);
    long t0 = System.nanoTime();
    return ping.sendEvent("PingComponent", pingId, Event.of("GO", Map.of(), System.currentTimeMillis()))
        .compose(o -> finished.future())
        .map(v -> (System.nanoTime() - t0) / 1000);
  }

  private static String describe(String url) {
    int at = url.indexOf('@');
    return at < 0 ? url : url.substring(0, url.indexOf("://") + 3) + "***" + url.substring(at);
  }

  private static Component load(String file) throws IOException {
    try (InputStream in = CrossComponentRoundTrip.class.getResourceAsStream("/roundtrip/" + file)) {
      LoadResult r = new YamlComponentLoader().load(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (r.hasErrors()) {
        throw new IllegalStateException(r.format());
      }
      return r.componentOrNull();
    }
  }
}
