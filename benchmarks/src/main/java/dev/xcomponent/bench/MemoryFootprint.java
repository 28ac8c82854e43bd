package dev.xcomponent.bench;

import dev.xcomponent.application.BenchRuntime;
import dev.xcomponent.application.RuntimeSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Heap per live idle instance, excluding its data: creates N instances that all share one empty
 * data map, forces collections, and divides the growth of the used heap by N.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.xcomponent.bench.MemoryFootprint
 * [N] [historyLimit]}.
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int history = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (BenchRuntime bench = BenchRuntime.start(RuntimeSettings.defaults().withHistoryLimit(history))) {
      Map<String, Object> shared = Map.of();
      bench.createOn(0, "Ping", 1000, i -> shared);
      long before = used();
      int parts = bench.partitionCount();
      Object[] keep = new Object[parts];
      for (int p = 0; p < parts; p++) {
        keep[p] = bench.createOn(p, "Ping", n / parts, i -> shared);
      }
      long after = used();
      System.out.printf(
          "instances=%d historyLimit=%d heapPerInstance=%.1f bytes (used heap %d -> %d)%n",
          n, history, (after - before) / (double) n, before, after);
      if (keep.length == 0) {
        System.out.println();
      }
    }
  }

  private static long used() throws InterruptedException {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
