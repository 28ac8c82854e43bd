package dev.xcomponent.adapter.http;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A broker that accepts every message and delivers none. The HTTP tests need no cross-component
 * messaging, and this module must not depend on another adapter (such as the in-memory broker), so
 * the runtimes get this stand-in.
 */
final class DroppingBroker implements MessageBroker {
  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    return Future.succeededFuture(() -> Future.succeededFuture());
  }

  @Override
  public Future<Subscription> consume(String group, java.util.List<String> channels, DeliveryHandler handler) {
    return Future.succeededFuture(() -> Future.succeededFuture());
  }

  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return false;
  }

  @Override
  public BrokerState state() {
    return BrokerState.UP;
  }

  @Override
  public String describe() {
    return "dropping";
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
