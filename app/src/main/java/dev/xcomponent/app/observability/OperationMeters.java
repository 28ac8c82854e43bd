package dev.xcomponent.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Latency and failures of the operations of one port: a timer {@code <name>} (seconds, with
 * histogram buckets from 1 ms to 10 s) and a counter {@code <name>.errors}, both tagged {@code
 * operation}. Operation names are constants of the decorators, so the tag stays bounded.
 */
final class OperationMeters {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final String name;
  private final String what;
  private final Map<String, Meters> byOperation = new ConcurrentHashMap<>();

  private record Meters(Timer timer, Counter errors) {}

  OperationMeters(MeterRegistry registry, String name, String what) {
    this.registry = registry;
    this.name = name;
    this.what = what;
  }

  /** Registers the meters of {@code operation} now, so they are scraped (at zero) before first use. */
  OperationMeters declare(String... operations) {
    for (String op : operations) {
      meters(op);
    }
    return this;
  }

  /**
   * Runs {@code call} and records how long its future took and whether it failed. A call that
   * throws instead of returning a failed future is counted as an error and rethrown.
   */
  <T> Future<T> time(String operation, Supplier<Future<T>> call) {
    Meters m = meters(operation);
    long start = System.nanoTime();
    Future<T> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      record(m, start, false);
      throw e;
    }
    return f.andThen(ar -> record(m, start, ar.succeeded()));
  }

  private static void record(Meters m, long start, boolean ok) {
    m.timer().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (!ok) {
      m.errors().increment();
    }
  }

  private Meters meters(String operation) {
    Meters m = byOperation.get(operation);
    return m != null ? m : byOperation.computeIfAbsent(operation, op -> new Meters(
        Timer.builder(name)
            .description("Duration of " + what + " operations, failed ones included")
            .tag("operation", op)
            .serviceLevelObjectives(BUCKETS)
            .register(registry),
        Counter.builder(name + ".errors")
            .description("Failed " + what + " operations")
            .tag("operation", op)
            .register(registry)));
  }
}
