package dev.xcomponent.app;

import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeHost;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.app.observability.LogFormat;
import dev.xcomponent.app.observability.Metrics;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve [--port P] [--host H] [--plugins DIR] FILE...}: the composition root of a monolith.
 * Loads every component file (any error stops start-up), loads the plugins, starts one runtime per
 * component over the in-memory broker and the HTTP API, and runs until SIGINT or SIGTERM, when a
 * shutdown hook stops Vert.x cleanly.
 */
public final class ServeCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final Duration LIMIT = Duration.ofSeconds(30);

  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent serve [--port P] [--host H] [--plugins DIR] [--database URL] [--broker URL]",
          "                       [--log-format F] [--config FILE] FILE...",
          "",
          "Serves the components of FILE... (one runtime each, in memory) with the HTTP API",
          "and the dashboard, until stopped with Ctrl-C (SIGINT) or SIGTERM.",
          "",
          "Options:",
          "  -p, --port P     HTTP port (default: env PORT, else 3000; 0 picks a free port)",
          "  --host H         interface to bind (default: env HOST, else 0.0.0.0)",
          "  --plugins DIR    load business code from every *.jar in DIR",
          "                   (default: env XCOMPONENT_PLUGINS)",
          "  --database URL   event store: postgresql://user:pw@host:5432/db or memory",
          "                   (default: env DATABASE_URL; else env REDIS_URL selects the",
          "                   Redis store; else no store: history kept in memory)",
          "  --broker URL     message broker: memory (default), amqp://, redis://, kafka://…",
          "                   (default: env BROKER_URL); another broker than memory joins a",
          "                   distributed deployment (dashboards see these runtimes)",
          "  --log-format F   text (default) or json: one JSON object per log line",
          "                   (default: env LOG_FORMAT)",
          "  --config FILE    settings in YAML (PORT: 3000, BROKER_URL: …);",
          "                   the environment and options win over it",
          "  -h, --help       show this help",
          "",
          "Environment: SNAPSHOT_INTERVAL (default 10), HEARTBEAT_INTERVAL_MS (default 30000),",
          "EVENT_LOOPS (event-loop threads and partitions per component; default two per core),",
          "API_TOKEN and API_VIEWER_TOKEN (bearer tokens of the API; unset: open access;",
          "/health and the Prometheus metrics at /metrics stay open).",
          "Exit status: 1 start-up failed, 2 bad command line or configuration; once",
          "serving, a clean stop on a signal ends with the JVM's status for it (130 for",
          "SIGINT, 143 for SIGTERM).");

  private ServeCommand() {}

  /** Starts serving and blocks until the process is asked to stop; returns the exit code. */
  public static int run(Args args, PrintStream err, Map<String, String> env)
      throws UsageException, CliException {
    LogFormat format = ServeConfig.logFormat(args, env);
    ServeConfig config = ServeConfig.from(args, env);
    format.apply();
    return serveUntilStopped(start(config, err));
  }

  /** Blocks until SIGINT or SIGTERM, when a shutdown hook closes {@code server}; returns 0. */
  static int serveUntilStopped(AutoCloseable server) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable close = () -> {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("stopping: {}", e.getMessage());
      }
    };
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close.run();
                  stopped.countDown();
                },
                "xcomponent-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close.run();
    }
    return 0;
  }

  /**
   * Loads, wires and starts everything {@code config} describes; returns once the HTTP API
   * listens. Problems of component files are printed to {@code err}.
   *
   * @throws CliException (exit code 1) when a file has errors, the plugins cannot be loaded, or a
   *     runtime or the HTTP server cannot start
   */
  public static Server start(ServeConfig config, PrintStream err) throws CliException {
    List<Component> components =
        ComponentFiles.loadAll(config.files().stream().map(Path::toString).toList(), err);
    HandlerRegistry handlers = new HandlerRegistry();
    PluginLoader.Plugins plugins =
        config.plugins() == null
            ? PluginLoader.Plugins.NONE
            : PluginLoader.load(config.plugins(), handlers);
    Vertx vertx = ProcessVertx.create(config.loops());
    Metrics metrics = config.http() ? Metrics.create(vertx) : null;
    try {
      EventStore store =
          Blocking.await(Stores.open(vertx, config.store()), LIMIT,
              "opening the event store " + config.store().describe());
      LOG.info("event store: {}", config.store().describe());
      MessageBroker broker =
          Blocking.await(Brokers.open(vertx, config.broker()), LIMIT,
              "connecting to the broker " + config.broker().describe());
      LOG.info("broker: {}", config.broker().describe());
      if (metrics != null) {
        store = metrics.store(store);
        broker = metrics.broker(broker);
      }
      LocalComponentRegistry registry =
          Blocking.await(
              LocalComponentRegistry.start(
                  vertx, components, handlers, broker, store,
                  RuntimeSettings.defaults().withPartitions(config.loops().count())
                      .withSnapshotInterval(config.store().snapshotInterval()),
                  System::currentTimeMillis, metrics == null ? List.of() : List.of(metrics.runtimeListener(components))),
              LIMIT,
              "starting the component runtimes");
      if (metrics != null) {
        metrics.watchLocal(registry);
      }
      RuntimeHost host = null;
      if (config.broker().distributed()) {
        host = Blocking.await(
            RuntimeHost.start(vertx, registry, broker, new RuntimeHost.Settings(
                hostName(), config.http() ? config.port() : 0, config.timings().heartbeatMs(), 100_000)),
            LIMIT, "announcing the runtimes on the broker");
      }
      String mode = config.broker().distributed() ? "distributed" : "monolith";
      HttpServers.Http http = config.http()
          ? HttpServers.start(vertx, registry, config.host(), config.port(), mode, config.broker().describe(), store != null,
              config.access(), metrics)
          : HttpServers.Http.NONE;
      Server server = new Server(vertx, registry, host, broker, store, plugins, http, metrics);
      if (config.http()) {
        LOG.info(
            "xcomponent serving {} component{} on http://{}:{} (mode {}, broker {}, store {})",
            components.size(), components.size() == 1 ? "" : "s", config.host(), server.port(), mode,
            config.broker().describe(), config.store().describe());
      } else {
        LOG.info("xcomponent runtime of {} running (mode {}, broker {}, store {})",
            components.stream().map(Component::name).toList(), mode, config.broker().describe(),
            config.store().describe());
      }
      return server;
    } catch (CliException | RuntimeException e) {
      closeQuietly(vertx);
      if (metrics != null) {
        metrics.close();
      }
      plugins.close();
      throw e;
    }
  }

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      Blocking.await(vertx.close(), LIMIT, "closing Vert.x");
    } catch (CliException e) {
      LOG.warn(e.getMessage());
    }
  }

  /** A running server; {@link #close} stops it (once; later calls do nothing). */
  public static final class Server implements AutoCloseable {
    private final Vertx vertx;
    private final LocalComponentRegistry registry;
    private final RuntimeHost host;
    private final MessageBroker broker;
    private final EventStore store;
    private final PluginLoader.Plugins plugins;
    private final HttpServers.Http http;
    private final Metrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Server(
        Vertx vertx, LocalComponentRegistry registry, RuntimeHost host, MessageBroker broker, EventStore store,
        PluginLoader.Plugins plugins, HttpServers.Http http, Metrics metrics) {
      this.vertx = vertx;
      this.registry = registry;
      this.host = host;
      this.broker = broker;
      this.store = store;
      this.plugins = plugins;
      this.http = http;
      this.metrics = metrics;
    }

    /** The port the HTTP API listens on (the actual one when 0 was asked). */
    public int port() {
      return http.port();
    }

    /** The components served. */
    public LocalComponentRegistry registry() {
      return registry;
    }

    /** Stops the runtimes, the HTTP API and Vert.x, then releases the plugins. */
    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      LOG.info("stopping");
      try {
        // Stop taking work first, then let the runtimes finish what they hold and flush the store.
        http.stop(vertx);
        if (host != null) {
          Blocking.await(host.stop(), LIMIT, "announcing the shutdown");
        }
        Blocking.await(registry.stop(), LIMIT, "stopping the runtimes");
        Blocking.await(broker.close(), LIMIT, "closing the broker connection");
        if (store != null) {
          Blocking.await(store.close(), LIMIT, "closing the event store");
        }
      } catch (CliException e) {
        LOG.warn(e.getMessage());
      }
      closeQuietly(vertx);
      if (metrics != null) {
        metrics.close();
      }
      plugins.close();
      LOG.info("stopped");
    }
  }
}
