package dev.xcomponent.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives {@code POST /api/instances/:id/events} of a running server with concurrent clients, each
 * sending the next event only after the previous answer (closed loop), and reports events per
 * second and latency percentiles. Loopback only; bounded in time and in recorded samples.
 *
 * <p>Start a server with the benchmark component ({@code java -jar app/target/app.jar serve
 * benchmarks/src/main/resources/bench-component.yaml}), then run {@code java -cp
 * benchmarks/target/benchmarks.jar dev.xcomponent.bench.HttpLoadDriver [baseUrl] [clients]
 * [seconds]}.
 */
public final class HttpLoadDriver {
  private static final int MAX_SAMPLES = 20_000_000;

  private HttpLoadDriver() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    URI uri = URI.create(base);
    if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(uri.getHost())) {
      throw new IllegalArgumentException("the load driver only targets loopback addresses");
    }
    Vertx vertx = BenchVertx.create();
    WebClient client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(clients));
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        JsonObject created =
            client
                .post("/api/components/Bench/instances")
                .sendJsonObject(new JsonObject().put("machineName", "Ping"))
                .await(10, TimeUnit.SECONDS)
                .bodyAsJsonObject();
        ids.add(created.getString("instanceId"));
      }
      run(vertx, client, ids, 3, new long[1], new AtomicInteger()); // warm-up
      long[] samples = new long[MAX_SAMPLES];
      AtomicInteger count = new AtomicInteger();
      long start = System.nanoTime();
      long errors = run(vertx, client, ids, seconds, samples, count);
      double elapsed = (System.nanoTime() - start) / 1e9;
      int n = Math.min(count.get(), samples.length);
      long[] sorted = Arrays.copyOf(samples, n);
      Arrays.sort(sorted);
      System.out.printf(
          "clients=%d duration=%.1fs events=%d errors=%d throughput=%.0f events/s "
              + "p50=%.2fms p99=%.2fms p999=%.2fms max=%.2fms%n",
          clients, elapsed, count.get(), errors, count.get() / elapsed,
          pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999),
          n == 0 ? 0 : sorted[n - 1] / 1e6);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static long run(
      Vertx vertx, WebClient client, List<String> ids, int seconds, long[] samples, AtomicInteger count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(ids.size());
    AtomicLong errors = new AtomicLong();
    for (String id : ids) {
      vertx.runOnContext(v -> loop(client, id, true, deadline, samples, count, errors, done));
    }
    done.await(seconds + 30L, TimeUnit.SECONDS);
    return errors.get();
  }

  private static void loop(
      WebClient client, String id, boolean go, long deadline, long[] samples, AtomicInteger count,
      AtomicLong errors, CountDownLatch done) {
    if (System.nanoTime() > deadline) {
      done.countDown();
      return;
    }
    long t0 = System.nanoTime();
    Future<?> f =
        client
            .post("/api/instances/" + id + "/events")
            .sendJsonObject(new JsonObject().put("type", go ? "GO" : "BACK"))
            .onComplete(
                ar -> {
                  long dt = System.nanoTime() - t0;
                  if (ar.succeeded() && ar.result().statusCode() == 200) {
                    int i = count.getAndIncrement();
                    if (i < samples.length) {
                      samples[i] = dt;
                    }
                  } else {
                    errors.incrementAndGet();
                  }
                  loop(client, id, !go, deadline, samples, count, errors, done);
                });
    if (f == null) {
      done.countDown();
    }
  }
}
