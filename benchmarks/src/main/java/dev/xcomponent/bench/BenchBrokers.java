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
