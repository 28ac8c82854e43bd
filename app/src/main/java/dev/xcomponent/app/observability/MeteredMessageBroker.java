package dev.xcomponent.app.observability;

import dev.xcomponent.port.MessageBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link MessageBroker} that times the publications of the broker it wraps: {@code
 * xcomponent_broker_seconds} and {@code xcomponent_broker_errors_total} with {@code
 * operation="publish"} (subscriptions are long-lived and not timed). Everything else passes
 * through unchanged.
 */
final class MeteredMessageBroker implements MessageBroker {
  private final MessageBroker broker;
  private final OperationMeters meters;

  MeteredMessageBroker(MessageBroker broker, MeterRegistry registry) {
    this.broker = broker;
    this.meters = new OperationMeters(registry, "xcomponent.broker", "message broker").declare("publish");
  }

  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    return meters.time("publish", () -> broker.publish(channel, message));
  }

  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    return broker.subscribe(channel, handler);
  }

  @Override
  public Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler) {
    return broker.consume(group, channels, handler);
  }

  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return broker.keepsMessagesForAbsentConsumers();
  }

  @Override
  public BrokerState state() {
    return broker.state();
  }

  @Override
  public String describe() {
    return broker.describe();
  }

  @Override
  public Future<Void> close() {
    return broker.close();
  }
}
