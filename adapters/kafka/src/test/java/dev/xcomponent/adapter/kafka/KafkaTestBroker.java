package dev.xcomponent.adapter.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * The real Kafka the tests use: {@code XC_TEST_KAFKA_URL}, by default the local broker that {@code
 * .ci/kafka/kafka start} runs on 127.0.0.1:9092. An unreachable broker fails the tests with the
 * command that starts one; it never skips them.
 */
final class KafkaTestBroker {
  static final String URL = System.getenv().getOrDefault("XC_TEST_KAFKA_URL", "kafka://127.0.0.1:9092");
  static final String START_HINT = "Kafka is not reachable at " + masked()
      + " (set XC_TEST_KAFKA_URL to use another broker). Start the local test broker from the repository root with: "
      + ".ci/kafka/kafka start";

  private KafkaTestBroker() {}

  /** Settings for the tests: quick group rebalances, a quick health probe. */
  static KafkaSettings settings() {
    return KafkaSettings.fromUrl(URL)
        .withGroupTimings(Duration.ofSeconds(6), Duration.ofMillis(250), Duration.ofSeconds(30))
        .withHealthInterval(Duration.ofMillis(500))
        .withReconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
        .withRedeliveryDelay(Duration.ofMillis(100));
  }

  /** Fails with {@link #START_HINT} when the cluster does not answer within 5 s. */
  static void requireRunning() {
    KafkaSettings s = KafkaSettings.fromUrl(URL).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
    try (Admin admin = Admin.create(ClientProperties.admin(s))) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000)).clusterId().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(START_HINT + " [" + e + "]", e);
    }
  }

  /** The repository root: the first folder up from the working directory holding {@code .ci/kafka/kafka}. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve(".ci/kafka/kafka"))) {
        return p;
      }
    }
    throw new AssertionError("no .ci/kafka/kafka above " + Path.of("").toAbsolutePath());
  }

  private static String masked() {
    try {
      return KafkaSettings.fromUrl(URL).describe();
    } catch (IllegalArgumentException e) {
      return "XC_TEST_KAFKA_URL (" + e.getMessage() + ")";
    }
  }
}
