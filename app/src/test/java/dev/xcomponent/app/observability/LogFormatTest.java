package dev.xcomponent.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.Main;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format} / {@code LOG_FORMAT}: a bad value is a configuration error (exit 2, the
 * accepted values named) of {@code serve}, {@code runtime} and {@code dashboard}; {@code json}
 * makes every log line of a real {@code serve} process one JSON object.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogFormatTest {
  private static final String ORDER = "../examples/order-payment/order-component.yaml";

  @TempDir Path dir;

  record Result(int code, String err) {}

  private static Result cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Result(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void parsesTheTwoFormatsOnly() {
    assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.parse("logfmt")).isNull();
    assertThat(LogFormat.parse(null)).isNull();
  }

  @Test
  void aBadOptionValueIsAConfigurationErrorNamingTheAcceptedValues() {
    Result serve = cli(Map.of(), "serve", "--log-format", "xml", ORDER);
    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.err()).contains("--log-format xml").contains("json or text");

    Result runtime = cli(Map.of(), "runtime", "--component", ORDER, "--log-format=yaml");
    assertThat(runtime.code()).isEqualTo(2);
    assertThat(runtime.err()).contains("--log-format yaml").contains("json or text");

    Result dashboard = cli(Map.of(), "dashboard", "--log-format", "");
    assertThat(dashboard.code()).isEqualTo(2);
    assertThat(dashboard.err()).contains("--log-format").contains("json or text");
  }

  @Test
  void aBadVariableIsAConfigurationErrorNamingIt() {
    Result r = cli(Map.of("LOG_FORMAT", "pretty"), "serve", ORDER);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("LOG_FORMAT=pretty").contains("json or text");
  }

  @Test
  void jsonMakesEveryLogLineOfAServeProcessOneJsonObject() throws Exception {
    Path log = dir.resolve("serve.log");
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "dev.xcomponent.app.Main",
        "serve", "--log-format", "json", "--host", "127.0.0.1", "--port", String.valueOf(port), ORDER));
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    try {
      awaitHealthy(process, port, log);
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    List<JsonObject> records = new ArrayList<>();
    for (String line : lines) {
      JsonObject json;
      try {
        json = new JsonObject(line);
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object: " + line, e);
      }
      assertThat(json.fieldNames()).as(line).contains("timestamp", "level", "logger", "thread", "message");
      records.add(json);
    }
    assertThat(records).anySatisfy(r -> assertThat(r.getString("message")).startsWith("xcomponent serving 1 component"));
    assertThat(records).anySatisfy(r -> assertThat(r.getString("message")).isEqualTo("stopped"));
  }

  private static void awaitHealthy(Process process, int port, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("serve exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not answer /health: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
