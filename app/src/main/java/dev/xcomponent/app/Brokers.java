package dev.xcomponent.app;

import dev.xcomponent.adapter.kafka.KafkaMessageBroker;
import dev.xcomponent.adapter.kafka.KafkaSettings;
import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.rabbitmq.RabbitMqMessageBroker;
import dev.xcomponent.adapter.rabbitmq.RabbitMqSettings;
import dev.xcomponent.adapter.redis.RedisBrokerSettings;
import dev.xcomponent.adapter.redis.RedisMessageBroker;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Opens the message broker a {@link BrokerConfig} names: the only place that knows the adapters. */
final class Brokers {
  private Brokers() {}

  /** Checks the URL with the adapter's parser; throws IllegalArgumentException naming the problem. */
  static void check(BrokerConfig config) {
    switch (config.kind()) {
      case MEMORY -> { }
      case RABBITMQ -> RabbitMqSettings.fromUrl(config.url());
      case REDIS -> RedisBrokerSettings.fromUrl(config.url());
      case KAFKA -> KafkaSettings.fromUrl(config.url());
    }
  }

  /** A connected client of the broker. */
  static Future<MessageBroker> open(Vertx vertx, BrokerConfig config) {
    try {
      return switch (config.kind()) {
        case MEMORY -> Future.succeededFuture(new InMemoryMessageBroker(vertx));
        case RABBITMQ -> RabbitMqMessageBroker.open(vertx, RabbitMqSettings.fromUrl(config.url()));
        case REDIS -> RedisMessageBroker.connect(vertx, RedisBrokerSettings.fromUrl(config.url())).map(b -> (MessageBroker) b);
        case KAFKA -> KafkaMessageBroker.open(vertx, KafkaSettings.fromUrl(config.url()));
      };
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }
}
