package dev.xcomponent.examples.orderpayment.distributed;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mode 6 of the deployment guide: runtimes and dashboard on Kafka (KRaft, started by {@code
 * .ci/kafka/kafka start}), events in PostgreSQL. The broker is restarted in the middle of the 200
 * flows with {@code .ci/kafka/kafka restart}.
 */
class KafkaDeploymentTest extends DistributedDeploymentTest {
  @Override
  protected String brokerUrl() {
    return System.getenv().getOrDefault("XC_TEST_KAFKA_URL", "kafka://127.0.0.1:9092");
  }

  @Override
  protected boolean restartTheBroker() throws Exception {
    Path script = Deployment.MODULE.resolve("../../.ci/kafka/kafka").normalize();
    Process p = new ProcessBuilder(script.toString(), "restart").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(deployment.logs().resolve("kafka-restart.log").toFile()))
        .start();
    if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("restarting Kafka failed; see " + deployment.logs().resolve("kafka-restart.log"));
    }
    return true;
  }
}
