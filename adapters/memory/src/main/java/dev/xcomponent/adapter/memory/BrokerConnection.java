package dev.xcomponent.adapter.memory;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One user's handle on a shared {@link InMemoryMessageBroker}: everything goes to the shared
 * broker, and closing the handle cancels the subscriptions and group memberships made through it,
 * as closing a network client would, without touching anyone else's.
 */
final class BrokerConnection implements MessageBroker {
  private final InMemoryMessageBroker bus;
  private final Set<Subscription> mine = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  BrokerConnection(InMemoryMessageBroker bus) {
    this.bus = bus;
  }

  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    return closed ? refused() : bus.publish(channel, message);
  }

  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    return closed ? refused() : bus.subscribe(channel, handler).map(this::track);
  }

  @Override
  public Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler) {
    return closed ? refused() : bus.consume(group, channels, handler).map(this::track);
  }

  private Subscription track(Subscription s) {
    Subscription tracked = new Subscription() {
      @Override
      public Future<Void> cancel() {
        mine.remove(this);
        return s.cancel();
      }
    };
    mine.add(tracked);
    return tracked;
  }

  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return bus.keepsMessagesForAbsentConsumers();
  }

  @Override
  public BrokerState state() {
    return closed ? BrokerState.CLOSED : bus.state();
  }

  @Override
  public String describe() {
    return bus.describe();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    List<Future<Void>> cancels = mine.stream().map(Subscription::cancel).toList();
    return Future.join(cancels).mapEmpty();
  }

  private static <T> Future<T> refused() {
    return Future.failedFuture(new IllegalStateException("broker connection closed"));
  }
}
