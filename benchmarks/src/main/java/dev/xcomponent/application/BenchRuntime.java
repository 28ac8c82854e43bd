package dev.xcomponent.application;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A started runtime of the benchmark component, with direct access to its partitions so work can
 * be measured on the owning event loop without a thread hop per event. Lives in the application
 * package for that access; it is benchmark code, not part of the product.
 */
public final class BenchRuntime implements AutoCloseable {
  final Vertx vertx;
  final LocalComponentRegistry registry;
  final ComponentRuntime runtime;

  private BenchRuntime(Vertx vertx, LocalComponentRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    this.runtime = registry.runtime("Bench").orElseThrow();
  }

  /** Starts Vert.x and the benchmark component with the given settings. */
  public static BenchRuntime start(RuntimeSettings settings) throws Exception {
    Vertx vertx = dev.xcomponent.bench.BenchVertx.create();
    LocalComponentRegistry registry =
        LocalComponentRegistry.start(
                vertx, List.of(component()), new HandlerRegistry(), new InMemoryMessageBroker(vertx), settings)
            .await(30, TimeUnit.SECONDS);
    return new BenchRuntime(vertx, registry);
  }

  /** The benchmark component, from the jar's resources. */
  public static Component component() throws IOException {
    try (InputStream in = BenchRuntime.class.getResourceAsStream("/bench-component.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      LoadResult r = new YamlComponentLoader().load("bench-component.yaml", yaml);
      if (r.hasErrors()) {
        throw new IllegalStateException(r.format());
      }
      return r.componentOrNull();
    }
  }

  public LocalComponentRegistry registry() {
    return registry;
  }

  public ComponentRuntime runtime() {
    return runtime;
  }

  public int partitionCount() {
    return runtime.partitions().length;
  }

  /** Runs {@code work} on partition {@code p}'s event loop and waits for its result. */
  public int onPartition(int p, IntSupplier work) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    runtime.partitions()[p].context().runOnContext(v -> {
      try {
        done.complete(work.getAsInt());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    return done.join();
  }

  /** Runs one piece of work per partition, all at once, and sums the results. */
  public int onAllPartitions(java.util.function.IntFunction<IntSupplier> workForPartition) {
    int n = partitionCount();
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      IntSupplier work = workForPartition.apply(p);
      CompletableFuture<Integer> done = new CompletableFuture<>();
      runtime.partitions()[p].context().runOnContext(v -> done.complete(work.getAsInt()));
      all.add(done);
    }
    int sum = 0;
    for (CompletableFuture<Integer> f : all) {
      sum += f.join();
    }
    return sum;
  }

  /** Creates {@code count} instances of {@code machine} on partition {@code p}; returns their slots. */
  public List<Object> createOn(int p, String machine, int count, java.util.function.IntFunction<Map<String, Object>> data) {
    List<Object> slots = new ArrayList<>(count);
    onPartition(p, () -> createHere(p, machine, count, data, slots));
    return slots;
  }

  /**
   * Creates {@code count} instances on partition {@code p}; must run on that partition's event loop.
   * Adds the slots to {@code out} when it is not null; returns {@code count}.
   */
  public int createHere(int p, String machine, int count, java.util.function.IntFunction<Map<String, Object>> data, List<Object> out) {
    StateMachine m = runtime.component().machine(machine);
    Partition partition = runtime.partitions()[p];
    for (int i = 0; i < count; i++) {
      InstanceSlot slot = partition.create(m, InstanceIds.next(), data.apply(i), false, null, null, "bench");
      if (out != null) {
        out.add(slot);
      }
    }
    return count;
  }

  /** Sends {@code type} to the slot on its own event loop (call from that loop); true if it transitioned. */
  public static boolean sendHere(Object slot, dev.xcomponent.domain.engine.Event event) {
    InstanceSlot s = (InstanceSlot) slot;
    return s.partition.submit(s, event).result().transitioned();
  }

  /** The current state of a slot's instance. */
  public static String stateOf(Object slot) {
    return ((InstanceSlot) slot).instance.state();
  }

  /** Partition index of a slot. */
  public int partitionOf(Object slot) {
    Partition[] ps = runtime.partitions();
    for (int i = 0; i < ps.length; i++) {
      if (ps[i] == ((InstanceSlot) slot).partition) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown slot");
  }

  @Override
  public void close() throws Exception {
    registry.stop().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
