package dev.xcomponent.adapter.memory;

import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link MessageBroker} inside one JVM, for the default monolith mode and for tests.
 *
 * <p>Each subscriber is tied to the Vert.x context current when it subscribed (or to a context
 * created for it when it subscribed from a plain thread). A published message is deep-copied and
 * frozen once, then handed to every subscriber of the channel as a separate task on that
 * subscriber's context: {@link #publish} never runs a handler itself, so a handler may publish
 * without re-entering another handler. Messages published from one thread reach a given subscriber
 * in the order they were published.
 *
 * <p>As in the reference implementation, a name without {@code ':'} is a component name: a
 * message published on a channel nobody listens to, whose {@code targetComponent} is a string, goes
 * to the subscribers of that component name instead of being dropped.
 *
 * <p>Delivery is at most once: a message for a channel with no subscriber is dropped, and messages
 * not yet delivered are dropped when their subscription is cancelled or the broker is closed.
 */
public final class InMemoryMessageBroker implements MessageBroker {
  /** Subscribers allowed on one channel unless another limit is given. */
  public static final int DEFAULT_MAX_SUBSCRIBERS_PER_CHANNEL = 10_000;

  private static final String TARGET_COMPONENT = "targetComponent";

  private final Vertx vertx;
  private final int maxSubscribersPerChannel;
  private final ConcurrentMap<String, List<Subscriber>> channels = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A broker delivering on contexts of {@code vertx}, with the default subscriber limit. */
  public InMemoryMessageBroker(Vertx vertx) {
    this(vertx, DEFAULT_MAX_SUBSCRIBERS_PER_CHANNEL);
  }

  /**
   * A broker delivering on contexts of {@code vertx} that refuses more than {@code
   * maxSubscribersPerChannel} subscribers on one channel.
   *
   * @throws IllegalArgumentException when the limit is below 1
   */
  public InMemoryMessageBroker(Vertx vertx, int maxSubscribersPerChannel) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    if (maxSubscribersPerChannel < 1) {
      throw new IllegalArgumentException("maxSubscribersPerChannel must be at least 1");
    }
    this.maxSubscribersPerChannel = maxSubscribersPerChannel;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails when the broker is closed, when the channel name is blank or when the message holds
   * something that is not JSON-like. Succeeds once the deliveries are scheduled, before any handler
   * ran.
   */
  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("broker closed"));
    }
    Map<String, Object> frozen;
    try {
      checkName(channel);
      Objects.requireNonNull(message, "message");
      JsonLike.check(message);
      frozen = Values.freeze(message);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    for (Subscriber subscriber : recipients(channel, frozen)) {
      subscriber.deliver(frozen);
    }
    return Future.succeededFuture();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails when the broker is closed, when the channel name is blank or when the channel already
   * has the maximum number of subscribers.
   */
  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    Subscriber subscriber;
    try {
      checkName(channel);
      Objects.requireNonNull(handler, "handler");
      subscriber = new Subscriber(channel, subscriberContext(), handler);
      channels.compute(channel, (name, list) -> add(name, list, subscriber));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (closed) {
      // close() ran while we were adding: it may not have seen this subscriber.
      subscriber.deactivate();
      remove(subscriber);
      return Future.failedFuture(new IllegalStateException("broker closed"));
    }
    return Future.succeededFuture(() -> cancel(subscriber));
  }

  /** Always {@code memory}. */
  @Override
  public String describe() {
    return "memory";
  }

  /**
   * Stops every subscription, dropping what was not delivered yet; later publications and
   * subscriptions fail. Closing twice is harmless.
   */
  @Override
  public Future<Void> close() {
    closed = true;
    channels.values().forEach(list -> list.forEach(Subscriber::deactivate));
    channels.clear();
    return Future.succeededFuture();
  }

  private List<Subscriber> recipients(String channel, Map<String, Object> message) {
    List<Subscriber> direct = channels.get(channel);
    if (direct != null && !direct.isEmpty()) {
      return direct;
    }
    if (message.get(TARGET_COMPONENT) instanceof String component
        && !component.isEmpty()
        && component.indexOf(':') < 0
        && !component.equals(channel)) {
      List<Subscriber> byComponent = channels.get(component);
      if (byComponent != null) {
        return byComponent;
      }
    }
    return List.of();
  }

  private List<Subscriber> add(String channel, List<Subscriber> list, Subscriber subscriber) {
    List<Subscriber> target = list == null ? new CopyOnWriteArrayList<>() : list;
    if (target.size() >= maxSubscribersPerChannel) {
      throw new IllegalStateException(
          "too many subscribers on channel "
              + channel
              + " (limit "
              + maxSubscribersPerChannel
              + ")");
    }
    target.add(subscriber);
    return target;
  }

  private Future<Void> cancel(Subscriber subscriber) {
    subscriber.deactivate();
    remove(subscriber);
    return Future.succeededFuture();
  }

  private void remove(Subscriber subscriber) {
    channels.computeIfPresent(
        subscriber.name(),
        (name, list) -> {
          list.remove(subscriber);
          return list.isEmpty() ? null : list;
        });
  }

  private Context subscriberContext() {
    Context current = Vertx.currentContext();
    return current != null ? current : vertx.getOrCreateContext();
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("channel name must not be blank");
    }
  }
}
