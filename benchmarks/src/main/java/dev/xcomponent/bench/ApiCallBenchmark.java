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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event sent through the driving port from a thread outside Vert.x and awaited: the floor of
 * any call that crosses to an event loop and back (the price every HTTP request also pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiCallBenchmark {
  private BenchRuntime bench;
  private String id;
  private boolean go;
  private final Event goEvent = Event.of("GO", Map.of(), 0);
  private final Event backEvent = Event.of("BACK", Map.of(), 0);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    bench = BenchRuntime.start(RuntimeSettings.defaults().withHistoryLimit(0));
    id = bench.registry().createInstance("Bench", "Ping", Map.of()).await(10, TimeUnit.SECONDS).id();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    bench.close();
  }

  @Benchmark
  public boolean sendAndAwait() throws Exception {
    go = !go;
    return bench.registry().sendEvent(null, id, go ? goEvent : backEvent).await(10, TimeUnit.SECONDS).transitioned();
  }
}
