package dev.xcomponent.app;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
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
      default -> throw new IllegalArgumentException("not available yet");
    }
  }

  /** A connected client of the broker. */
  static Future<MessageBroker> open(Vertx vertx, BrokerConfig config) {
    try {
      return switch (config.kind()) {
        case MEMORY -> Future.succeededFuture(new InMemoryMessageBroker(vertx));
        default -> throw new IllegalArgumentException("not available yet");
      };
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }
}
