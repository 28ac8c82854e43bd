package dev.xcomponent.app;

import dev.xcomponent.adapter.http.AccessTokens;
import dev.xcomponent.app.observability.LogFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of {@code serve}, parsed once from the command line and the environment and
 * validated as a whole. Options win over environment variables. Empty variables count as unset.
 *
 * <p>Sources: {@code --port} / {@code PORT} (default 3000, 0 picks a free port), {@code --host} /
 * {@code HOST} (default {@code 0.0.0.0}), {@code --plugins} / {@code XCOMPONENT_PLUGINS}, {@code
 * --database} / {@code DATABASE_URL}, {@code REDIS_URL} and {@code SNAPSHOT_INTERVAL} (see {@link
 * StoreConfig}), {@code --broker} / {@code BROKER_URL} (see {@link BrokerConfig}; any broker but
 * memory makes this process one member of a distributed deployment), and the timings of {@link
 * ClusterTimings}. The log format ({@code --log-format} / {@code LOG_FORMAT}) is read apart, by
 * {@link #logFormat}, since {@code runtime} and {@code dashboard} take it too.
 *
 * @param files the component files, at least one
 * @param host interface the HTTP API binds
 * @param port TCP port of the HTTP API
 * @param plugins folder of plugin jars, or null
 * @param broker the message broker
 * @param store the event store (see {@link StoreConfig})
 * @param http whether to serve the HTTP API and dashboard
 * @param timings heartbeat and time-outs of a distributed deployment
 * @param access bearer tokens of the HTTP API ({@code API_TOKEN}, {@code API_VIEWER_TOKEN})
 * @param loops event-loop threads and partitions per component ({@code EVENT_LOOPS})
 */
public record ServeConfig(
    List<Path> files, String host, int port, Path plugins, BrokerConfig broker, StoreConfig store, boolean http,
    ClusterTimings timings, AccessTokens access, EventLoops loops) {
  /** Port used when neither {@code --port} nor {@code PORT} is given. */
  public static final int DEFAULT_PORT = 3000;

  /** Interface bound when neither {@code --host} nor {@code HOST} is given. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  static final Args.Spec SPEC =
      new Args.Spec(Set.of("port", "host", "plugins", "database", "broker", "log-format", "config"), Set.of(), Map.of("p", "port"));

  public ServeConfig {
    files = List.copyOf(files);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(timings, "timings");
    access = access == null ? AccessTokens.OPEN : access;
    loops = loops == null ? EventLoops.defaults() : loops;
  }

  /** With the default event loops. */
  public ServeConfig(
      List<Path> files, String host, int port, Path plugins, BrokerConfig broker, StoreConfig store, boolean http,
      ClusterTimings timings, AccessTokens access) {
    this(files, host, port, plugins, broker, store, http, timings, access, EventLoops.defaults());
  }

  /** An HTTP server over the in-memory broker with {@code store}. */
  public ServeConfig(List<Path> files, String host, int port, Path plugins, String memory, StoreConfig store) {
    this(files, host, port, plugins, BrokerConfig.memory(), store, true, ClusterTimings.defaults(), AccessTokens.OPEN);
  }

  /** An HTTP server over the in-memory broker without an event store. */
  public ServeConfig(List<Path> files, String host, int port, Path plugins, String memory) {
    this(files, host, port, plugins, memory, StoreConfig.none());
  }

  /**
   * Reads and checks the configuration.
   *
   * @throws UsageException when no file is given
   * @throws CliException (exit code 2) naming the option or variable whose value is wrong
   */
  public static ServeConfig from(Args args, Map<String, String> env)
      throws UsageException, CliException {
    if (args.positionals().isEmpty()) {
      throw new UsageException("serve needs at least one component FILE");
    }
    BrokerConfig broker = BrokerConfig.from(args.value("broker").orElse(null), env);
    ClusterTimings timings = ClusterTimings.from(env);
    StoreConfig store = StoreConfig.from(args.value("database").orElse(null), env);
    int port =
        args.value("port").isPresent()
            ? port("--port", args.value("port").get())
            : env(env, "PORT") != null ? port("PORT", env(env, "PORT")) : DEFAULT_PORT;
    String host = args.value("host").orElse(env(env, "HOST"));
    if (host == null) {
      host = DEFAULT_HOST;
    } else if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new CliException(
          2, (args.value("host").isPresent() ? "--host" : "HOST") + "='" + host
              + "' is not a host name or address");
    }
    String plugins = args.value("plugins").orElse(env(env, "XCOMPONENT_PLUGINS"));
    List<Path> files = args.positionals().stream().map(Path::of).toList();
    return new ServeConfig(files, host, port, plugins == null ? null : Path.of(plugins), broker, store, true, timings,
        ApiAccess.from(env), EventLoops.from(env));
  }

  /**
   * The log format of {@code serve}, {@code runtime} and {@code dashboard}: {@code --log-format},
   * else {@code LOG_FORMAT}, else {@code text}.
   *
   * @throws CliException (exit code 2) naming the option or variable and the accepted values
   */
  static LogFormat logFormat(Args args, Map<String, String> env) throws CliException {
    String option = args.value("log-format").orElse(null);
    String text = option != null ? option : env(env, "LOG_FORMAT");
    if (text == null) {
      return LogFormat.TEXT;
    }
    LogFormat format = LogFormat.parse(text);
    if (format == null) {
      throw new CliException(2, (option != null ? "--log-format " + option : "LOG_FORMAT=" + text)
          + " is not a log format: expected " + LogFormat.ACCEPTED);
    }
    return format;
  }

  static int port(String source, String text) throws CliException {
    String label = source.startsWith("-") ? source + " " + text : source + "=" + text;
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(
        2, label + " is not a valid port: expected a whole number from 0 to 65535 (0 picks a free port)");
  }

  static String env(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
