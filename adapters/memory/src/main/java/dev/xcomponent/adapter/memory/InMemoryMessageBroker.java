package dev.xcomponent.adapter.memory;

import dev.xcomponent.application.Channels;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.JsonLikeMessages;
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
 * <p>Fan-out delivery is at most once: a message for a channel with no subscriber is dropped, and
 * messages not yet delivered are dropped when their subscription is cancelled or the broker is
 * closed. Consumer groups ({@link #consume}) keep what their members have not acknowledged, and
 * what is published while they have no member, for as long as the broker lives (at most {@link
 * #DEFAULT_GROUP_CAPACITY} waiting messages per group: beyond that, publishing fails).
 *
 * <p>Several runtimes of one process share one broker; {@link #connection()} gives each its own
 * handle, whose {@code close} ends only that handle's subscriptions.
 */
public final class InMemoryMessageBroker implements MessageBroker {
  /** Subscribers allowed on one channel unless another limit is given. */
  public static final int DEFAULT_MAX_SUBSCRIBERS_PER_CHANNEL = 10_000;

  /** Messages a consumer group keeps waiting for a member. */
  public static final int DEFAULT_GROUP_CAPACITY = 100_000;

  /** Unacknowledged deliveries one group member holds at a time. */
  public static final int PREFETCH = 64;

  private static final String TARGET_COMPONENT = "targetComponent";

  private final Vertx vertx;
  private final int maxSubscribersPerChannel;
  private final ConcurrentMap<String, List<Subscriber>> channels = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
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
      JsonLikeMessages.check(message);
      frozen = Values.freeze(message);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // A command for a group that consumes its channel goes to that group only (MessageBroker#consume).
    String addressee = Channels.addressee(channel, frozen);
    ConsumerGroup only = addressee == null ? null : groups.get(addressee);
    for (ConsumerGroup group : only != null && only.listensTo(channel) ? List.of(only) : groups.values()) {
      if (group.listensTo(channel) && !group.offer(channel, frozen)) {
        return Future.failedFuture(new IllegalStateException(
            "a consumer group of channel " + channel + " holds " + DEFAULT_GROUP_CAPACITY
                + " waiting messages: its consumers are too slow or gone"));
      }
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

  /**
   * {@inheritDoc}
   *
   * <p>Members take messages in turn; each runs its handler on the context it joined from.
   */
  @Override
  public Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("broker closed"));
    }
    ConsumerGroup.Member member;
    ConsumerGroup g;
    try {
      checkName(group);
      Objects.requireNonNull(handler, "handler");
      if (channels == null || channels.isEmpty()) {
        throw new IllegalArgumentException("a consumer group needs at least one channel");
      }
      channels.forEach(InMemoryMessageBroker::checkName);
      g = groups.computeIfAbsent(group, n -> new ConsumerGroup(n, PREFETCH, DEFAULT_GROUP_CAPACITY));
      g.bind(channels);
      member = g.join(subscriberContext(), handler);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return Future.succeededFuture(() -> {
      g.leave(member);
      return Future.succeededFuture();
    });
  }

  /** True: groups keep their messages for as long as this broker (the process) lives. */
  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return true;
  }

  @Override
  public BrokerState state() {
    return closed ? BrokerState.CLOSED : BrokerState.UP;
  }

  /**
   * A handle on this broker for one user (a runtime, a dashboard): it publishes and subscribes
   * here, and its {@code close} cancels only what it subscribed.
   */
  public MessageBroker connection() {
    return new BrokerConnection(this);
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
    groups.clear();
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
