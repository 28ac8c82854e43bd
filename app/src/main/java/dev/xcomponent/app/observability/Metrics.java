package dev.xcomponent.app.observability;

import dev.xcomponent.adapter.http.MetricsEndpoint;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.RuntimeEventListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one process, served at {@code GET /metrics} in the Prometheus text format. The
 * composition root wraps the ports it opens ({@link #store}, {@link #broker}) and hands the
 * registry over ({@link #watchLocal} or {@link #watchRemote}); scrapes run on a worker thread.
 * Every label value is a name from the components' YAML (or an operation name), never an instance
 * id, so the number of series is bounded. JVM and process metrics ({@code jvm_*}, {@code
 * process_*}, {@code system_*}) come with it.
 */
public final class Metrics implements MetricsEndpoint, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private RuntimeMetrics runtime;

  private Metrics(Vertx vertx) {
    this.vertx = vertx;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** Metrics scraped on the worker threads of {@code vertx}. */
  public static Metrics create(Vertx vertx) {
    return new Metrics(vertx);
  }

  /** The meters, for tests and embedding applications. */
  public MeterRegistry meters() {
    return registry;
  }

  /** {@code store} timed per operation; null stays null (no store configured). */
  public EventStore store(EventStore store) {
    return store == null ? null : new MeteredEventStore(store, registry);
  }

  /** {@code broker} with its publications timed, and {@code xcomponent_broker_up} (1 when UP). */
  public MessageBroker broker(MessageBroker broker) {
    Gauge.builder("xcomponent.broker.up", broker, b -> b.state() == MessageBroker.BrokerState.UP ? 1 : 0)
        .description("1 while the broker connection is up, 0 while it reconnects or is closed")
        .strongReference(true)
        .register(registry);
    return new MeteredMessageBroker(broker, registry);
  }

  /**
   * The listener to start the runtimes of {@code components} with, so that it sees every instance
   * from the first one on (restored instances are reported as created too): live instances are
   * then counted from the runtime events, with nothing to compute on a scrape. Call {@link
   * #watchLocal} once the registry runs.
   */
  public RuntimeEventListener runtimeListener(List<Component> components) {
    Map<String, Component> byName = components.stream()
        .collect(Collectors.toUnmodifiableMap(Component::name, Function.identity(), (a, b) -> a));
    Names names = new Names(name -> Optional.ofNullable(byName.get(name)));
    LiveInstances live = new LiveInstances(registry, names);
    runtime = new RuntimeMetrics(registry, names, live);
    for (Component c : components) {
      live.declare(c);
      for (StateMachine m : c.stateMachines()) {
        runtime.declare(c.name(), m.name());
      }
    }
    return runtime;
  }

  /** Watches the runtimes of this process, started with {@link #runtimeListener}. */
  public void watchLocal(ComponentRegistry components) {
    if (runtime == null) {
      throw new IllegalStateException("start the runtimes with runtimeListener(..) first");
    }
    runtime.lookUpInstancesWith(components::findInstance);
    watchDependencies(components);
  }

  /**
   * Watches the runtimes a dashboard sees through the broker: transitions from the events they
   * publish, live instances recounted on each scrape from the dashboard's bounded instance table.
   */
  public void watchRemote(ComponentRegistry components) {
    Names names = new Names(components::component);
    LiveInstances live = new LiveInstances(registry, names);
    RuntimeMetrics remote = new RuntimeMetrics(registry, names, null);
    remote.lookUpInstancesWith(components::findInstance);
    components.addListener(remote);
    InstanceQuery all = new InstanceQuery(null, null, null, null, Integer.MAX_VALUE);
    beforeScrape.add(() -> live.recount(components.listInstances(all)));
    watchDependencies(components);
  }

  private void watchDependencies(ComponentRegistry components) {
    DependencyGauges gauges = new DependencyGauges(registry, components);
    beforeScrape.add(gauges::refresh);
  }

  @Override
  public Future<String> scrape() {
    return vertx.executeBlocking(this::scrapeNow, false);
  }

  /** The Prometheus text of the current values, computed on the calling thread (one scrape at a time). */
  public synchronized String scrapeNow() {
    for (Runnable r : beforeScrape) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("metrics: a gauge could not be refreshed: {}", e.toString());
      }
    }
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
