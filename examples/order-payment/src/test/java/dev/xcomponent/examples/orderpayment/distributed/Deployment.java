package dev.xcomponent.examples.orderpayment.distributed;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A distributed deployment of the Order/Payment example run as the deployment guide says: three
 * JVMs started from {@code app/target/app.jar} (a dashboard, the Order runtime, the Payment runtime
 * with the example's plugin), all on one broker and one PostgreSQL database. Each process logs to
 * {@code target/e2e-logs/<name>/}.
 */
final class Deployment implements AutoCloseable {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path APP_JAR = MODULE.resolve("../../app/target/app.jar").normalize();
  static final Path PLUGINS = MODULE.resolve("target/plugins");

  private final String name;
  private final String brokerUrl;
  private final String databaseUrl;
  private final Path logs;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, String> extraEnv;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final int port;

  Deployment(String name, String brokerUrl, String databaseUrl) throws IOException {
    this(name, brokerUrl, databaseUrl, Map.of());
  }

  /**
   * A deployment whose processes also get {@code extraEnv}; with a null {@code databaseUrl} no
   * {@code --database} is passed (the Redis-only mode sets {@code REDIS_URL} instead).
   */
  Deployment(String name, String brokerUrl, String databaseUrl, Map<String, String> extraEnv) throws IOException {
    this.extraEnv = Map.copyOf(extraEnv);
    if (!Files.isRegularFile(APP_JAR)) {
      throw new IllegalStateException(APP_JAR + " is missing: build the app module first (mvn -B package -pl app -am)");
    }
    this.name = name;
    this.brokerUrl = brokerUrl;
    this.databaseUrl = databaseUrl;
    this.logs = MODULE.resolve("target/e2e-logs/" + name);
    Files.createDirectories(logs);
    this.port = freePort();
  }

  /** Starts the dashboard and both runtimes; returns once the dashboard sees both components. */
  Deployment start() throws Exception {
    startDashboard();
    startRuntime("order", "order-component.yaml", true);
    startRuntime("payment", "payment-component.yaml", true);
    awaitComponents(2, Duration.ofSeconds(90));
    return this;
  }

  void startDashboard() throws IOException {
    List<String> args = new ArrayList<>(List.of("dashboard", "--broker", brokerUrl,
        "--host", "127.0.0.1", "--port", String.valueOf(port)));
    if (databaseUrl != null) {
      args.addAll(List.of("--database", databaseUrl));
    }
    launch("dashboard", args);
  }

  void startRuntime(String process, String file, boolean plugins) throws IOException {
    startRuntime(process, file, plugins, 0);
  }

  /** Starts a runtime; with {@code httpPort} > 0 it also serves the HTTP API on that port. */
  void startRuntime(String process, String file, boolean plugins, int httpPort) throws IOException {
    List<String> args = new ArrayList<>(List.of("runtime", "--component", MODULE.resolve(file).toString(),
        "--broker", brokerUrl));
    if (httpPort > 0) {
      args.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(httpPort)));
    }
    if (databaseUrl != null) {
      args.addAll(List.of("--database", databaseUrl));
    }
    if (plugins) {
      args.addAll(List.of("--plugins", PLUGINS.toString()));
    }
    launch(process, args);
  }

  private void launch(String process, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", APP_JAR.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(process + ".log").toFile()));
    pb.environment().put("HEARTBEAT_INTERVAL_MS", "1000");
    pb.environment().put("RUNTIME_TIMEOUT_MS", "8000");
    pb.environment().put("COMMAND_TIMEOUT_MS", "20000");
    pb.environment().remove("BROKER_URL");
    pb.environment().remove("DATABASE_URL");
    pb.environment().remove("REDIS_URL");
    pb.environment().putAll(extraEnv);
    processes.put(process, pb.start());
  }

  /** Stops one process gracefully (SIGTERM). */
  void stop(String process) throws InterruptedException {
    Process p = processes.remove(process);
    if (p != null) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** Kills one process at once (SIGKILL): it gets no chance to finish anything. */
  void kill(String process) throws InterruptedException {
    Process p = processes.remove(process);
    if (p != null) {
      p.destroyForcibly().waitFor();
    }
  }

  void awaitComponents(int n, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Map.Entry<String, Process> e : processes.entrySet()) {
        if (!e.getValue().isAlive()) {
          throw new IllegalStateException(e.getKey() + " exited with " + e.getValue().exitValue() + "; see " + logs);
        }
      }
      try {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health")).GET());
        last = r.body();
        if (r.statusCode() == 200 && new JsonObject(r.body()).getJsonArray("components").size() >= n) {
          return;
        }
      } catch (IOException notYet) {
        // the dashboard is not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the dashboard did not see " + n + " components within " + limit + ": " + last
        + "; see " + logs);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET {@code path}; fails unless 200. */
  JsonObject get(String path) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  /** POST {@code body} to {@code path}; fails unless 200 or 201. */
  JsonObject post(String path, JsonObject body) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    if (r.statusCode() != 200 && r.statusCode() != 201) {
      throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  Path logs() {
    return logs;
  }

  @Override
  public void close() throws Exception {
    for (String p : new ArrayList<>(processes.keySet())) {
      stop(p);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
