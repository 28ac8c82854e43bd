package dev.xcomponent.bench;

import dev.xcomponent.adapter.kafka.KafkaMessageBroker;
import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.rabbitmq.RabbitMqMessageBroker;
import dev.xcomponent.adapter.redis.RedisMessageBroker;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** Two clients of the broker a benchmark URL names (two runtimes' connections). */
final class BenchBrokers {
  private BenchBrokers() {}

  record Clients(MessageBroker first, MessageBroker second) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      first.close().await(20, TimeUnit.SECONDS);
      second.close().await(20, TimeUnit.SECONDS);
    }
  }

  /**
   * Deletes the durable command queues the benchmark's components left on RabbitMQ. The queue of a
   * component that no longer runs keeps the later commands addressed to it or to no component (ADR
   * 0011), and later runs address theirs to the same names: a benchmark run must not leave its own
   * behind. Nothing to do on the other brokers (Redis keeps nothing, Kafka's
   * topics have their retention).
   */
  static void forgetGroups(String url, java.util.List<String> components) throws Exception {
    if (!url.startsWith("amqp://") && !url.startsWith("amqps://")) {
      return;
    }
    com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
    factory.setUri(url);
    try (com.rabbitmq.client.Connection c = factory.newConnection("xcomponent-benchmark-cleanup");
        com.rabbitmq.client.Channel channel = c.createChannel()) {
      for (String component : components) {
        channel.queueDelete(RabbitMqMessageBroker.groupQueue(dev.xcomponent.application.Channels.group(component)));
      }
    }
  }

  static Clients open(Vertx vertx, String url) throws Exception {
    if (url.equals("memory")) {
      InMemoryMessageBroker bus = new InMemoryMessageBroker(vertx);
      return new Clients(bus.connection(), bus.connection());
    }
    if (url.startsWith("redis://") || url.startsWith("rediss://")) {
      return new Clients(RedisMessageBroker.connect(vertx, url).await(30, TimeUnit.SECONDS),
          RedisMessageBroker.connect(vertx, url).await(30, TimeUnit.SECONDS));
    }
    if (url.startsWith("kafka://") || url.startsWith("kafkas://")) {
      return new Clients(KafkaMessageBroker.open(vertx, url).await(60, TimeUnit.SECONDS),
          KafkaMessageBroker.open(vertx, url).await(60, TimeUnit.SECONDS));
    }
    if (url.startsWith("amqp://") || url.startsWith("amqps://")) {
      return new Clients(RabbitMqMessageBroker.open(vertx, url).await(30, TimeUnit.SECONDS),
          RabbitMqMessageBroker.open(vertx, url).await(30, TimeUnit.SECONDS));
    }
    throw new IllegalArgumentException("unsupported broker URL " + url);
  }
}
