package dev.xcomponent.examples.testkit;

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
 * An example's component files running on the real runtime in the test's process, as {@code
 * serve} wires them: one runtime per file over the in-memory broker, business code found by
 * ServiceLoader. Only the clock of the files changes: every {@code timeoutMs} is divided by
 * {@link #TIME_SCALE}, so a 45 s deadline of a demo lasts 450 ms in a test.
 *
 * <p>Problems fail the test with an {@link AssertionError}: a file that does not load cleanly, a
 * timeout that cannot be scaled, a condition not reached within {@link #WAIT_MS}.
 */
public final class ExampleRuntime {
  /** Divisor applied to every {@code timeoutMs} of the files. */
  public static final int TIME_SCALE = 100;

  /** How long a test waits for a condition before it fails. */
  public static final long WAIT_MS = 5_000;

  private static final Pattern TIMEOUT =
      Pattern.compile("^(\\s*timeoutMs:\\s*)(\\d+)\\s*$", Pattern.MULTILINE);

  private final Vertx vertx;
  private final LocalComponentRegistry registry;

  private ExampleRuntime(Vertx vertx, LocalComponentRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Starts the components of {@code files} (paths relative to the working folder, the module's). */
  public static ExampleRuntime start(String... files) throws Exception {
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
  public static Component load(String file) {
    LoadResult r = new YamlComponentLoader().load(file, scaled(read(file)));
    if (!r.problems().isEmpty()) {
      throw new AssertionError(file + " does not load cleanly:\n" + r.format());
    }
    return r.componentOrNull();
  }

  /** The text of {@code file}. */
  public static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code yaml} with every {@code timeoutMs} divided by {@link #TIME_SCALE} (0 stays 0). */
  public static String scaled(String yaml) {
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
    int written = yaml.split("timeoutMs", -1).length - 1;
    if (scaledCount != written) {
      throw new AssertionError(
          "timeoutMs lines scaled: " + scaledCount + " of " + written
              + " (write each as a plain `timeoutMs: <number>` line)");
    }
    return out.toString();
  }

  /** The registry of the running components. */
  public LocalComponentRegistry registry() {
    return registry;
  }

  /** Stops the runtimes and Vert.x. */
  public void close() throws Exception {
    registry.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Creates an instance of {@code machine} holding {@code data}; its view once created. */
  public InstanceView create(String component, String machine, Map<String, Object> data) throws Exception {
    return registry.createInstance(component, machine, data).await(5, TimeUnit.SECONDS);
  }

  /** Sends event {@code type} with no payload to the instance and waits for the outcome. */
  public EventOutcome send(String instanceId, String type) throws Exception {
    return send(instanceId, type, Map.of());
  }

  /** Sends event {@code type} with {@code payload} to the instance and waits for the outcome. */
  public EventOutcome send(String instanceId, String type, Map<String, Object> payload) throws Exception {
    return sendAsync(instanceId, type, payload).await(5, TimeUnit.SECONDS);
  }

  /** Sends event {@code type} with {@code payload} to the instance without waiting. */
  public Future<EventOutcome> sendAsync(String instanceId, String type, Map<String, Object> payload) {
    return registry.sendEvent(null, instanceId, Event.of(type, payload, System.currentTimeMillis()));
  }

  /** Broadcasts event {@code type} to every instance of {@code machine} and waits for the result. */
  public BroadcastResult broadcast(String component, String machine, String type, Map<String, Object> payload)
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
  public InstanceView view(String instanceId) throws InterruptedException {
    return await(() -> registry.findInstance(instanceId), () -> "instance " + instanceId);
  }

  /** The current state of the instance, live or finished. */
  public String state(String instanceId) throws InterruptedException {
    return view(instanceId).currentState();
  }

  /** Every instance of {@code machine}, live or finished. */
  public List<InstanceView> instances(String component, String machine) {
    return registry.listInstances(new InstanceQuery(component, machine, null, null, 1000));
  }

  /** The instance of {@code machine} whose data has {@code key} = {@code value}, once there is one. */
  public InstanceView awaitInstance(String component, String machine, String key, Object value)
      throws InterruptedException {
    return await(
        () -> instances(component, machine).stream().filter(v -> value.equals(v.data().get(key))).findFirst(),
        () -> machine + " with " + key + "=" + value);
  }

  /** Waits until the instance is in one of {@code states}; returns its view then. */
  public InstanceView awaitState(String instanceId, String... states) throws InterruptedException {
    List<String> wanted = Arrays.asList(states);
    return awaitView(instanceId, v -> wanted.contains(v.currentState()), "state in " + wanted);
  }

  /** Waits until the instance's view meets {@code condition}, described as {@code what}; returns it then. */
  public InstanceView awaitView(String instanceId, Predicate<InstanceView> condition, String what)
      throws InterruptedException {
    return await(
        () -> registry.findInstance(instanceId).filter(condition),
        () -> instanceId + " to reach " + what + " (now "
            + registry.findInstance(instanceId).map(InstanceView::currentState).orElse("gone") + ")");
  }

  /** Polls {@code probe} every 10 ms until it yields a value, for at most {@link #WAIT_MS}. */
  public static <T> T await(Supplier<Optional<T>> probe, Supplier<String> what) throws InterruptedException {
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
