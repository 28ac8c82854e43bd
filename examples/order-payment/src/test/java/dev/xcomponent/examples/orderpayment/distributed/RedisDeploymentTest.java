package dev.xcomponent.examples.orderpayment.distributed;

/**
 * Mode 4 of the deployment guide: runtimes and dashboard on Redis pub/sub, events in PostgreSQL.
 * Redis does not keep messages, so the broker is not restarted here (see docs/brokers.md).
 */
class RedisDeploymentTest extends DistributedDeploymentTest {
  @Override
  protected String brokerUrl() {
    return System.getenv().getOrDefault("XC_TEST_REDIS_URL", "redis://127.0.0.1:6379/0");
  }
}
