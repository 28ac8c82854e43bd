package dev.xcomponent.app;

import dev.xcomponent.application.RemoteComponentRegistry;
import dev.xcomponent.app.observability.Metrics;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dashboard [--broker URL] [--database URL] [--port P] [--host H]}: the dashboard process of
 * a distributed deployment. It serves the HTTP API and the web page for every runtime that
 * announces itself on the broker; creations and events travel to the runtimes as commands; history
 * comes from the event store when one is configured.
 */
final class DashboardCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardCommand.class);
  private static final Duration LIMIT = Duration.ofSeconds(30);

  static final Args.Spec SPEC =
      new Args.Spec(Set.of("broker", "database", "port", "host", "log-format", "config"), Set.of(), Map.of("p", "port"));

  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent dashboard [--broker URL] [--database URL] [--port P] [--host H] [--log-format F]",
          "                           [--config FILE]",
          "",
          "Serves the dashboard and the HTTP API of every component runtime connected to the",
          "broker, until stopped with Ctrl-C (SIGINT) or SIGTERM.",
          "",
          "Options:",
          "  --broker URL    amqp://…, redis://…, kafka://… (default: env BROKER_URL)",
          "  --database URL  event store for history: postgresql://… (default: env DATABASE_URL;",
          "                  else env REDIS_URL selects the Redis store; else history comes",
          "                  from what the runtimes publish)",
          "  -p, --port P    HTTP port (default: env PORT, else 3000; 0 picks a free port)",
          "  --host H        interface to bind (default: env HOST, else 0.0.0.0)",
          "  --log-format F  text (default) or json: one JSON object per log line",
          "                  (default: env LOG_FORMAT)",
          "  --config FILE   settings in YAML (PORT: 3000, BROKER_URL: …);",
          "                  the environment and options win over it",
          "  -h, --help      show this help",
          "",
          "Environment: RUNTIME_TIMEOUT_MS (default 90000), COMMAND_TIMEOUT_MS (default 10000),",
          "API_TOKEN and API_VIEWER_TOKEN (bearer tokens; unset: open access; /health and the",
          "Prometheus metrics at /metrics stay open).",
          "Exit status: 1 start-up failed, 2 bad command line or configuration.");

  private DashboardCommand() {}

  static int run(Args args, PrintStream err, Map<String, String> env) throws UsageException, CliException {
    ServeConfig.logFormat(args, env).apply();
    return ServeCommand.serveUntilStopped(start(args, env));
  }

  /** Starts the dashboard; returns once it listens. */
  static Dashboard start(Args args, Map<String, String> env) throws UsageException, CliException {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("dashboard takes no FILE: it serves the components the runtimes announce");
    }
    BrokerConfig brokerConfig = BrokerConfig.from(args.value("broker").orElse(null), env);
    StoreConfig storeConfig = StoreConfig.from(args.value("database").orElse(null), env);
    ClusterTimings timings = ClusterTimings.from(env);
    dev.xcomponent.adapter.http.AccessTokens access = ApiAccess.from(env);
    int port = args.value("port").isPresent() ? ServeConfig.port("--port", args.value("port").get())
        : ServeConfig.env(env, "PORT") != null ? ServeConfig.port("PORT", ServeConfig.env(env, "PORT")) : ServeConfig.DEFAULT_PORT;
    String host = args.value("host").orElse(ServeConfig.env(env, "HOST"));
    host = host == null ? ServeConfig.DEFAULT_HOST : host;
    if (!brokerConfig.distributed()) {
      LOG.warn("the dashboard uses the in-memory broker: no runtime outside this process can reach it;"
          + " set --broker or BROKER_URL");
    }
    Vertx vertx = ProcessVertx.create();
    Metrics metrics = Metrics.create(vertx);
    try {
      EventStore store = metrics.store(Blocking.await(Stores.open(vertx, storeConfig), LIMIT,
          "opening the event store " + storeConfig.describe()));
      MessageBroker broker = metrics.broker(Blocking.await(Brokers.open(vertx, brokerConfig), LIMIT,
          "connecting to the broker " + brokerConfig.describe()));
      RemoteComponentRegistry registry = Blocking.await(
          RemoteComponentRegistry.start(vertx, broker, store, new RemoteComponentRegistry.Settings(
              timings.runtimeTimeoutMs(), timings.commandTimeoutMs(), 200_000, ServeCommand.hostName())),
          LIMIT, "listening to the runtimes on " + brokerConfig.describe());
      metrics.watchRemote(registry);
      HttpServers.Http http = HttpServers.start(vertx, registry, host, port, "distributed", brokerConfig.describe(), store != null,
          access, metrics);
      int actual = http.port();
      LOG.info("xcomponent dashboard on http://{}:{} (mode distributed, broker {}, store {})", host, actual,
          brokerConfig.describe(), storeConfig.describe());
      return new Dashboard(vertx, registry, broker, store, http, metrics);
    } catch (CliException | RuntimeException e) {
      vertx.close();
      metrics.close();
      throw e;
    }
  }

  /** A running dashboard; {@link #close} stops it once. */
  static final class Dashboard implements AutoCloseable {
    private final Vertx vertx;
    private final RemoteComponentRegistry registry;
    private final MessageBroker broker;
    private final EventStore store;
    private final HttpServers.Http http;
    private final Metrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    Dashboard(Vertx vertx, RemoteComponentRegistry registry, MessageBroker broker, EventStore store, HttpServers.Http http,
        Metrics metrics) {
      this.vertx = vertx;
      this.registry = registry;
      this.broker = broker;
      this.store = store;
      this.http = http;
      this.metrics = metrics;
    }

    int port() {
      return http.port();
    }

    RemoteComponentRegistry registry() {
      return registry;
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        http.stop(vertx);
        Blocking.await(registry.stop(), LIMIT, "stopping the dashboard");
        Blocking.await(broker.close(), LIMIT, "closing the broker connection");
        if (store != null) {
          Blocking.await(store.close(), LIMIT, "closing the event store");
        }
        Blocking.await(vertx.close(), LIMIT, "closing Vert.x");
      } catch (CliException e) {
        LOG.warn(e.getMessage());
      }
      metrics.close();
    }
  }
}
