package dev.xcomponent.app;

import dev.xcomponent.app.observability.LogFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code runtime --component FILE [--broker URL] [--database URL] [--plugins DIR] [--port P]}: one
 * component's runtime in its own process, as in the distributed modes of the deployment guide. It
 * takes its commands from the broker, announces itself to dashboards and, with {@code --port},
 * also serves the HTTP API (for health checks and direct calls).
 */
final class RuntimeCommand {
  static final Args.Spec SPEC =
      new Args.Spec(Set.of("component", "broker", "database", "plugins", "port", "host", "log-format", "config"), Set.of(),
          Map.of("p", "port"));

  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent runtime --component FILE [--broker URL] [--database URL] [--plugins DIR] [--port P]",
          "                         [--log-format F] [--config FILE]",
          "",
          "Runs the runtime of one component, connected to the other components and to the",
          "dashboard through a message broker, until stopped with Ctrl-C (SIGINT) or SIGTERM.",
          "",
          "Options:",
          "  --component FILE  the component file",
          "  --broker URL      amqp://…, redis://…, kafka://… (default: env BROKER_URL; memory",
          "                    runs alone: nothing outside this process can reach it)",
          "  --database URL    event store: postgresql://… (default: env DATABASE_URL; else",
          "                    env REDIS_URL selects the Redis store; else none)",
          "  --plugins DIR     load business code from every *.jar in DIR (default: env XCOMPONENT_PLUGINS)",
          "  -p, --port P      also serve the HTTP API on port P (default: none)",
          "  --host H          interface for --port (default: env HOST, else 0.0.0.0)",
          "  --log-format F    text (default) or json: one JSON object per log line",
          "                    (default: env LOG_FORMAT)",
          "  --config FILE     settings in YAML (PORT: 3000, BROKER_URL: …);",
          "                    the environment and options win over it",
          "  -h, --help        show this help",
          "",
          "Environment: SNAPSHOT_INTERVAL (default 10), HEARTBEAT_INTERVAL_MS (default 30000),",
          "EVENT_LOOPS (event-loop threads and partitions per component; default two per core).",
          "With --port, Prometheus metrics are served at /metrics.",
          "Exit status: 1 start-up failed, 2 bad command line or configuration.");

  private RuntimeCommand() {}

  static int run(Args args, PrintStream err, Map<String, String> env) throws UsageException, CliException {
    LogFormat format = ServeConfig.logFormat(args, env);
    ServeConfig config = config(args, env);
    format.apply();
    return ServeCommand.serveUntilStopped(ServeCommand.start(config, err));
  }

  static ServeConfig config(Args args, Map<String, String> env) throws UsageException, CliException {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("runtime takes its component with --component FILE, not " + args.positionals().get(0));
    }
    String file = args.value("component").orElseThrow(() -> new UsageException("runtime needs --component FILE"));
    BrokerConfig broker = BrokerConfig.from(args.value("broker").orElse(null), env);
    StoreConfig store = StoreConfig.from(args.value("database").orElse(null), env);
    String plugins = args.value("plugins").orElse(ServeConfig.env(env, "XCOMPONENT_PLUGINS"));
    boolean http = args.value("port").isPresent();
    int port = http ? ServeConfig.port("--port", args.value("port").get()) : 0;
    String host = args.value("host").orElse(ServeConfig.env(env, "HOST"));
    return new ServeConfig(List.of(Path.of(file)), host == null ? ServeConfig.DEFAULT_HOST : host, port,
        plugins == null ? null : Path.of(plugins), broker, store, http, ClusterTimings.from(env), ApiAccess.from(env),
        EventLoops.from(env));
  }
}
