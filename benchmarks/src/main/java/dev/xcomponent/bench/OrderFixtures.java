package dev.xcomponent.bench;

import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.domain.model.Component;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** What the load drivers share: loading a component file, creating Orders, reading percentiles. */
final class OrderFixtures {
  private OrderFixtures() {}

  /** The component of {@code file}; fails on any error. */
  static Component load(Path file) {
    LoadResult r = new YamlComponentLoader().load(file);
    if (r.hasErrors()) {
      throw new IllegalStateException(r.format());
    }
    return r.componentOrNull();
  }

  /** Creates {@code n} Orders of the Order/Payment example, 256 at a time; returns their ids in order. */
  static List<String> createOrders(LocalComponentRegistry registry, int n) throws InterruptedException {
    String[] ids = new String[n];
    Semaphore inFlight = new Semaphore(256);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      int k = i;
      Map<String, Object> data = Map.of("orderId", "ORD-" + i, "amount", 10 + i % 90, "customerId", "C-" + i % 1000,
          "paymentMethod", "visa");
      registry.createInstance("OrderComponent", "Order", data).onComplete(ar -> {
        if (ar.succeeded()) {
          ids[k] = ar.result().id();
        } else {
          failed.incrementAndGet();
        }
        inFlight.release();
      });
    }
    inFlight.acquire(256);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " creations failed");
    }
    return new ArrayList<>(Arrays.asList(ids));
  }

  /** The {@code q} quantile (0 < q ≤ 1) of sorted values, nearest rank. */
  static long quantile(long[] sorted, double q) {
    int idx = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }
}
