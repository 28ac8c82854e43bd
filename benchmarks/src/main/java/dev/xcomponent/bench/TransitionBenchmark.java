package dev.xcomponent.bench;

import dev.xcomponent.application.BenchRuntime;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transitions per second in one process, without HTTP: events are submitted on the owning event
 * loop in batches, so the figure is the runtime's own cost per transition (selection, data,
 * recording in memory, indexes, timers, runtime events), not the cost of a thread hop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransitionBenchmark {
  static final int BATCH = 100_000;
  static final int INSTANCES = 100_000;

  /** In-memory history per instance (0 = off, 100 = default). */
  @Param({"0", "100"})
  public int historyLimit;

  /** Payload size of each event (0 = empty, 2 = two keys merged into the data). */
  @Param({"0", "2"})
  public int payloadKeys;

  private BenchRuntime bench;
  private Object single;
  private int singlePartition;
  private List<List<Object>> spread;
  private Event go;
  private Event back;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    bench = BenchRuntime.start(RuntimeSettings.defaults().withHistoryLimit(historyLimit));
    Map<String, Object> payload = payloadKeys == 0 ? Map.of() : Map.of("amount", 10, "note", "x");
    go = Event.of("GO", payload, 0);
    back = Event.of("BACK", payload, 0);
    single = bench.createOn(0, "Ping", 1, i -> Map.of("id", 1)).get(0);
    singlePartition = bench.partitionOf(single);
    int n = bench.partitionCount();
    spread = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      spread.add(bench.createOn(p, "Ping", INSTANCES / n, i -> Map.of("id", i)));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    bench.close();
  }

  /** One instance going back and forth between two states. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int oneInstance() {
    return bench.onPartition(
        singlePartition,
        () -> {
          int done = 0;
          for (int i = 0; i < BATCH; i += 2) {
            done += BenchRuntime.sendHere(single, go) ? 1 : 0;
            done += BenchRuntime.sendHere(single, back) ? 1 : 0;
          }
          return done;
        });
  }

  /** One transition for each of 100,000 instances, all partitions working at once. */
  @Benchmark
  @OperationsPerInvocation(INSTANCES)
  public int manyInstances() {
    return bench.onAllPartitions(
        p ->
            () -> {
              int done = 0;
              for (Object slot : spread.get(p)) {
                Event e = "Idle".equals(BenchRuntime.stateOf(slot)) ? go : back;
                done += BenchRuntime.sendHere(slot, e) ? 1 : 0;
              }
              return done;
            });
  }
}
