package dev.xcomponent.examples.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example's component files running on the real runtime in this process, as {@code serve}
 * wires them: one runtime per file over the in-memory broker, business code found by
 * ServiceLoader. Only the clock of the files changes: every {@code timeoutMs} is divided by
 * {@link #TIME_SCALE}, so a 30 s deadline of the demo lasts 300 ms in a test.
 */
final class ExampleRuntime {
  /** Divisor applied to every {@code timeoutMs} of the files. */
  static final int TIME_SCALE = 100;

  /** How long a test waits for a condition before it fails. */
  static final long WAIT_MS = 5_000;

  private static final Pattern TIMEOUT =
      Pattern.compile("^(\\s*timeoutMs:\\s*)(\\d+)\\s*$", Pattern.MULTILINE);

  private final Vertx vertx;
  final LocalComponentRegistry registry;

  private ExampleRuntime(Vertx vertx, LocalComponentRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Starts the components of {@code files} (paths relative to the module). */
  static ExampleRuntime start(String... files) throws Exception {
    Vertx vertx = Vertx.vertx();
    HandlerRegistry handlers = new HandlerRegistry();
    ServiceLoader.load(HandlerProvider.class).forEach(p -> p.register(handlers));
    List<Component> components = new ArrayList<>();
    for (String file : files) {
      components.add(load(file));
    }
    LocalComponentRegistry registry =
        LocalComponentRegistry.start(
                vertx, components, handlers, new InMemoryMessageBroker(vertx), RuntimeSettings.defaults())
            .await(10, TimeUnit.SECONDS);
    return new ExampleRuntime(vertx, registry);
  }

  /**
   * Loads {@code file} with its timeouts scaled down. Fails the test on any problem, warnings
   * included, as {@code validate --strict} would.
   */
  static Component load(String file) {
    LoadResult r = new YamlComponentLoader().load(file, scaled(read(file)));
    assertThat(r.problems()).as(r.format()).isEmpty();
    return r.componentOrNull();
  }

  static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code yaml} with every {@code timeoutMs} divided by {@link #TIME_SCALE} (0 stays 0). */
  static String scaled(String yaml) {
    Matcher m = TIMEOUT.matcher(yaml);
    StringBuilder out = new StringBuilder();
    int scaledCount = 0;
    while (m.find()) {
      long ms = Long.parseLong(m.group(2));
      long scaled = ms == 0 ? 0 : Math.max(1, ms / TIME_SCALE);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + scaled));
      scaledCount++;
    }
    m.appendTail(out);
    // A timeout written in another form would keep its demo length and stall the tests.
    assertThat(scaledCount).as("timeoutMs lines scaled").isEqualTo(yaml.split("timeoutMs", -1).length - 1);
    return out.toString();
  }

  /** Stops the runtimes and Vert.x. */
  void close() throws Exception {
    registry.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  InstanceView create(String component, String machine, Map<String, Object> data) throws Exception {
    return registry.createInstance(component, machine, data).await(5, TimeUnit.SECONDS);
  }

  EventOutcome send(String instanceId, String type) throws Exception {
    return send(instanceId, type, Map.of());
  }

  EventOutcome send(String instanceId, String type, Map<String, Object> payload) throws Exception {
    return sendAsync(instanceId, type, payload).await(5, TimeUnit.SECONDS);
  }

  Future<EventOutcome> sendAsync(String instanceId, String type, Map<String, Object> payload) {
    return registry.sendEvent(null, instanceId, Event.of(type, payload, System.currentTimeMillis()));
  }

  BroadcastResult broadcast(String component, String machine, String type, Map<String, Object> payload)
      throws Exception {
    return registry
        .broadcast(component, machine, Event.of(type, payload, System.currentTimeMillis()), null)
        .await(5, TimeUnit.SECONDS);
  }

  /**
   * The instance, live or finished (finished ones stay visible for a while). Polls: the runtime
   * takes a finishing instance out of its live directory an instant before it lists it as
   * finished, and a lookup from another thread can fall in between.
   */
  InstanceView view(String instanceId) throws InterruptedException {
    return await(() -> registry.findInstance(instanceId), () -> "instance " + instanceId);
  }

  String state(String instanceId) throws InterruptedException {
    return view(instanceId).currentState();
  }

  /** Every instance of {@code machine}, live or finished. */
  List<InstanceView> instances(String component, String machine) {
    return registry.listInstances(new InstanceQuery(component, machine, null, null, 1000));
  }

  /** The instance of {@code machine} whose data has {@code key} = {@code value}, once there is one. */
  InstanceView awaitInstance(String component, String machine, String key, Object value) throws InterruptedException {
    return await(
        () -> instances(component, machine).stream().filter(v -> value.equals(v.data().get(key))).findFirst(),
        () -> machine + " with " + key + "=" + value);
  }

  /** Waits until the instance is in one of {@code states}; returns its view then. */
  InstanceView awaitState(String instanceId, String... states) throws InterruptedException {
    List<String> wanted = Arrays.asList(states);
    return awaitView(instanceId, v -> wanted.contains(v.currentState()), "state in " + wanted);
  }

  InstanceView awaitView(String instanceId, Predicate<InstanceView> condition, String what)
      throws InterruptedException {
    return await(
        () -> registry.findInstance(instanceId).filter(condition),
        () -> instanceId + " to reach " + what + " (now "
            + registry.findInstance(instanceId).map(InstanceView::currentState).orElse("gone") + ")");
  }

  /** Polls {@code probe} every 10 ms until it yields a value, for at most {@link #WAIT_MS}. */
  static <T> T await(Supplier<Optional<T>> probe, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("waited " + WAIT_MS + " ms for " + what.get());
  }
}
