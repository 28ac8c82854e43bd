package dev.xcomponent.bench;

import dev.xcomponent.application.BenchRuntime;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A broadcast with one equality matching rule reaching 1 instance among 100,000 in the same state:
 * the property index answers, no instance is scanned. Measured through the runtime's public
 * broadcast (including the hops to every partition and back), and on one partition's loop alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BroadcastBenchmark {
  static final int INSTANCES = 100_000;
  static final int LOOP_BATCH = 1_000;

  private BenchRuntime bench;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    bench = BenchRuntime.start(RuntimeSettings.defaults().withHistoryLimit(0));
    int n = bench.partitionCount();
    for (int p = 0; p < n; p++) {
      int base = p * (INSTANCES / n);
      bench.createOn(p, "Routed", INSTANCES / n, i -> Map.of("id", base + i));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    bench.close();
  }

  /**
   * The broadcast's own cost on the event loop that owns the match (no thread hop): index lookup,
   * re-check, transition. 1,000 broadcasts per call, each to a different instance of partition 0.
   */
  @Benchmark
  @OperationsPerInvocation(LOOP_BATCH)
  public int broadcastOneMatchOnLoop() {
    int perPartition = INSTANCES / bench.partitionCount();
    return bench.onPartition(
        0,
        () -> {
          int done = 0;
          for (int i = 0; i < LOOP_BATCH; i++) {
            int id = next++ % perPartition;
            Event ping = Event.of("PING", Map.of("id", id), 0);
            done += bench.runtime().broadcast("Routed", ping, null).result().processed();
          }
          return done;
        });
  }

  /** Through the public broadcast from a thread outside Vert.x: includes the hops there and back. */
  @Benchmark
  public int broadcastOneMatch() throws Exception {
    int id = next++ % INSTANCES;
    Event ping = Event.of("PING", Map.of("id", id), 0);
    return bench.runtime().broadcast("Routed", ping, null).await(10, TimeUnit.SECONDS).processed();
  }
}
