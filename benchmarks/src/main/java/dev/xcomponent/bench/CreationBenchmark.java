package dev.xcomponent.bench;

import dev.xcomponent.application.BenchRuntime;
import dev.xcomponent.application.RuntimeSettings;
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
 * Instances created per second in one process: creation, id, initial data, directory and index
 * entries, and the creation record, on every partition at once. A fresh runtime per iteration
 * keeps the heap from growing without bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CreationBenchmark {
  static final int BATCH = 20_000;

  @Param({"0", "100"})
  public int historyLimit;

  private BenchRuntime bench;
  private final Map<String, Object> data = Map.of("orderId", "o-1", "amount", 10);

  @Setup(Level.Iteration)
  public void setUp() throws Exception {
    bench = BenchRuntime.start(RuntimeSettings.defaults().withHistoryLimit(historyLimit));
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws Exception {
    bench.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int create() {
    int n = bench.partitionCount();
    return bench.onAllPartitions(p -> () -> bench.createHere(p, "Ping", BATCH / n, i -> data, null));
  }
}
