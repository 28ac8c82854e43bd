package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ server the tests run against: {@code XC_TEST_RABBITMQ_URL}, by default the local
 * one. Server-side faults are injected with {@code rabbitmqctl}, which must be on the PATH and
 * allowed to talk to that node; when it is not, the tests that need it fail (they are never
 * skipped).
 */
final class RabbitServer {
  static final String URL = System.getenv().getOrDefault("XC_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");

  private RabbitServer() {}

  static RabbitMqSettings settings() {
    return RabbitMqSettings.fromUrl(URL);
  }

  /** The test server's settings on another virtual host. */
  static RabbitMqSettings settings(String virtualHost) {
    RabbitMqSettings s = settings();
    return new RabbitMqSettings(s.tls(), s.host(), s.port(), virtualHost, s.user(), s.password(), s.prefetch(),
        s.heartbeatSeconds(), s.connectTimeout(), s.publishTimeout(), s.redeliveryDelay(),
        s.reconnectInitialDelay(), s.reconnectMaxDelay(), s.maxUnconfirmed(), s.connectionName());
  }

  /** A plain client connection, to look at or feed the wire directly. */
  static Connection rawConnection() throws Exception {
    return ConnectionFactories.create(settings().withConnectionName("xc-test-raw")).newConnection("xc-test-raw");
  }

  /**
   * Makes the server close every connection whose client-provided name is {@code connectionName},
   * as {@code rabbitmqctl close_all_connections} would but leaving other clients alone.
   *
   * @return how many connections were closed
   */
  static int closeConnectionsNamed(String connectionName) throws Exception {
    String listing = rabbitmqctl("-q", "--no-table-headers", "list_connections", "pid", "client_properties");
    String marker = "\"" + connectionName + "\""; // names carry a random id: no false match
    List<String> pids = new ArrayList<>();
    for (String line : listing.split("\n")) {
      if (line.contains(marker)) {
        pids.add(line.substring(0, line.indexOf('\t')));
      }
    }
    for (String pid : pids) {
      rabbitmqctl("-q", "close_connection", pid, "test");
    }
    return pids.size();
  }

  /** Queue names on the server's default virtual host. */
  static List<String> queueNames() throws Exception {
    return List.of(rabbitmqctl("-q", "--no-table-headers", "list_queues", "name").split("\n")).stream()
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Runs rabbitmqctl and returns its output; fails the test when it fails. */
  static String rabbitmqctl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("rabbitmqctl");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = process.waitFor(30, TimeUnit.SECONDS);
    assertThat(finished).as("rabbitmqctl %s finished", command).isTrue();
    assertThat(process.exitValue()).as("rabbitmqctl %s exit code; output:%n%s", command, output).isZero();
    return output;
  }
}
