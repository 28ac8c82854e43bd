package dev.xcomponent.examples.orderpayment.distributed;

import dev.xcomponent.adapter.rabbitmq.RabbitMqMessageBroker;
import dev.xcomponent.application.Channels;
import java.util.concurrent.TimeUnit;

/**
 * Mode 3 of the deployment guide: runtimes and dashboard on RabbitMQ, events in PostgreSQL. The
 * broker application is restarted ({@code rabbitmqctl stop_app}, then {@code start_app}) in the
 * middle of the 200 flows: durable queues and persistent messages survive it.
 */
class RabbitMqDeploymentTest extends DistributedDeploymentTest {
  @Override
  protected String brokerUrl() {
    return System.getenv().getOrDefault("XC_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
  }

  @Override
  protected boolean restartTheBroker() throws Exception {
    Thread.sleep(300);
    run("rabbitmqctl", "stop_app");
    Thread.sleep(1000);
    run("rabbitmqctl", "start_app");
    return true;
  }

  /**
   * Deletes the two components' durable queues: once their runtimes are gone they would keep the
   * commands later runs address to these components, and those addressed to no component.
   */
  @Override
  protected void forgetBrokerState() throws Exception {
    for (String component : new String[] {"OrderComponent", "PaymentComponent"}) {
      run("rabbitmqctl", "delete_queue", RabbitMqMessageBroker.groupQueue(Channels.group(component)));
    }
  }

  private void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(deployment.logs().resolve("rabbitmq-restart.log").toFile()))
        .start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + deployment.logs());
    }
  }
}
