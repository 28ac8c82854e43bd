package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageBroker} on RabbitMQ (AMQP 0-9-1): mode 3 of the deployment guide, wire-compatible
 * with the reference implementation.
 *
 * <p><b>Wire layout.</b> Every message goes through one durable <i>topic</i> exchange {@code
 * xcomponent.events}, with routing key = channel name with {@code ':'} replaced by {@code '.'}
 * ({@code fsm:events:state_change} → {@code fsm.events.state_change}); so {@code a:b} and {@code
 * a.b} are one channel, and names containing {@code *} or {@code #} are refused. The body is the
 * message as one UTF-8 JSON object; it is published persistent (delivery mode 2) with content type
 * {@code application/json} and a header {@code x-xcomponent-channel} naming the channel as
 * published. A fan-out subscription consumes from an exclusive, auto-delete queue of its own,
 * {@code xcomponent.<routingKey>.<epoch ms>.<random>}; a consumer group from the durable queue
 * {@code xcomponent.group.<group>}, bound with the routing key of every channel its members asked
 * for (any member may receive any of them). Messages published by the reference implementation
 * (no header) are understood; messages published here are understood by it.
 *
 * <p><b>Delivery guarantees.</b>
 *
 * <ul>
 *   <li>{@link #publish} completes once the broker confirmed the message (publisher confirms);
 *       a negative confirm, a lost channel or no confirm within the publish timeout fail it, the
 *       last two with an unknown outcome. It fails at once, without sending, when the arguments
 *       are invalid, the client is closed, the connection is down (nothing is buffered), the
 *       broker blocks publications (resource alarm) or too many publications await a confirm.
 *   <li>Fan-out is at most once: a subscriber gets what is published while its queue exists,
 *       each delivery acknowledged once its handler returned (a throwing handler loses that
 *       message only, with a warning). Messages published while its connection is down are lost
 *       for it.
 *   <li>Consumer groups are at least once: a delivery is acknowledged when the handler's future
 *       succeeds; it goes back to the queue after the redelivery delay when the future fails or
 *       the handler throws, and at once when its member cancels or its connection drops. A
 *       message that went back is flagged {@linkplain MessageBroker.Delivery#redelivered()
 *       redelivered}, and may reach any member. The group's queue keeps what is
 *       published while no member runs. Each member holds at most {@code prefetch} unacknowledged
 *       deliveries. A body that is not a JSON object is logged and dropped (rejected without
 *       requeue, so an operator's dead-letter policy applies).
 *   <li>Handlers run on the Vert.x context that subscribed (a new one for a plain thread), in the
 *       order the broker delivers: publication order for one publisher on one channel.
 * </ul>
 *
 * <p><b>Resilience.</b> When the connection is lost, the client reconnects after 100 ms, doubling
 * up to 5 s (±20% jitter; see {@link RabbitMqSettings}), and on the fresh connection re-declares
 * the exchange and the queue, bindings and consumer of every live subscription before it reports
 * {@link BrokerState#UP} again; meanwhile {@link #state()} is {@link BrokerState#RECONNECTING},
 * publishing and subscribing fail fast, and each attempt is logged at WARN with the masked URL.
 *
 * <p><b>Implementation note.</b> The adapter drives the RabbitMQ Java client directly rather than
 * vertx-rabbitmq-client 5.0.7, whose reconnection cannot serve these rules: its {@code start()}
 * completes before the connection-established callbacks ran, its consumer restart re-consumes the
 * old queue name (an exclusive queue is gone with its connection), it shares one channel whose
 * prefetch and delivery tags do not survive a restart, it retries at a fixed interval and reports
 * no state. The client's blocking calls all run on one Vert.x worker thread ({@link AmqpIo}), never
 * on an event loop.
 */
public final class RabbitMqMessageBroker implements MessageBroker {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitMqMessageBroker.class);
  /** How long close() waits for confirms still due. */
  private static final long DRAIN_MILLIS = 2_000;
  /** How long close() waits for the server to acknowledge the connection close. */
  private static final int CLOSE_MILLIS = 5_000;

  private final Vertx vertx;
  private final RabbitMqSettings settings;
  private final String server;
  private final AmqpIo io;
  private final Publisher publisher = new Publisher();
  private final ConnectionKeeper keeper;
  private final Endpoint.Wiring wiring;
  private final Set<Endpoint> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unconfirmed = new AtomicInteger();
  private final AtomicReference<Future<Void>> closing = new AtomicReference<>();

  private RabbitMqMessageBroker(Vertx vertx, RabbitMqSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.server = settings.describe();
    this.io = new AmqpIo(vertx);
    Backoff backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay());
    this.keeper = new ConnectionKeeper(vertx, io, ConnectionFactories.create(settings), settings, backoff,
        this::restore);
    this.wiring = new Endpoint.Wiring(vertx, io, backoff, settings.prefetch(), keeper::current, live::remove);
  }

  /**
   * Connects to the broker described by {@code settings} and declares the exchange. Completes
   * once connected; fails, naming the masked URL and the reason, when the broker cannot be reached
   * or refuses the credentials (the first connection is not retried, so that a wrong URL stops a
   * start-up early; later losses are).
   */
  public static Future<MessageBroker> open(Vertx vertx, RabbitMqSettings settings) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    RabbitMqMessageBroker broker;
    try {
      broker = new RabbitMqMessageBroker(vertx, settings);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return broker.keeper.connect()
        .<MessageBroker>map(v -> {
          LOG.info("RabbitMQ broker client connected to {}", broker.server);
          return broker;
        })
        .recover(e -> {
          broker.keeper.markClosed();
          IllegalStateException failure = new IllegalStateException(
              "cannot connect to RabbitMQ at " + broker.server + ": " + AmqpErrors.reason(e), e);
          return broker.io.close().transform(ignored -> Future.failedFuture(failure));
        });
  }

  /**
   * The durable queue RabbitMQ keeps for the consumer group {@code group}: what an operator or a
   * test deletes once the group's component is retired.
   */
  public static String groupQueue(String group) {
    return RabbitTopology.groupQueue(group);
  }

  /**
   * Same as {@link #open(Vertx, RabbitMqSettings)} with {@link RabbitMqSettings#fromUrl}; a bad
   * URL fails the future with the parser's {@link IllegalArgumentException}.
   */
  public static Future<MessageBroker> open(Vertx vertx, String url) {
    RabbitMqSettings settings;
    try {
      settings = RabbitMqSettings.fromUrl(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return open(vertx, settings);
  }

  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    if (closing.get() != null) {
      return Future.failedFuture(keeper.closedError());
    }
    String routingKey;
    byte[] body;
    try {
      routingKey = RabbitTopology.routingKey(channel);
      body = MessageCodec.encode(message);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (keeper.current() == null) {
      return Future.failedFuture(keeper.unreachable());
    }
    String blocked = keeper.blockedReason();
    if (blocked != null) {
      return Future.failedFuture(new IllegalStateException(
          "RabbitMQ at " + server + " refuses publications for now (" + blocked + ")"));
    }
    if (unconfirmed.incrementAndGet() > settings.maxUnconfirmed()) {
      unconfirmed.decrementAndGet();
      return Future.failedFuture(new IllegalStateException(settings.maxUnconfirmed()
          + " publications already wait for RabbitMQ's confirm; try again later"));
    }
    Confirmation confirmation = new Confirmation(callerContext(), unconfirmed::decrementAndGet);
    long timeoutMillis = settings.publishTimeout().toMillis();
    long timer = vertx.setTimer(timeoutMillis, id -> confirmation.fail(new IllegalStateException(
        "RabbitMQ at " + server + " did not confirm the message within " + timeoutMillis
            + " ms; it may or may not have been delivered")));
    confirmation.future().onComplete(done -> vertx.cancelTimer(timer));
    AMQP.BasicProperties properties = properties(channel, Channels.addressee(channel, message));
    io.call(() -> {
      publisher.send(keeper.requireConnection(), routingKey, properties, body, confirmation);
      return null;
    }).onFailure(e -> confirmation.fail(e instanceof IOException
        ? new IllegalStateException("publishing to RabbitMQ at " + server + " failed: " + AmqpErrors.reason(e), e)
        : e));
    return confirmation.future();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails when the channel name is invalid, the client is closed or the connection is down.
   */
  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    String routingKey;
    try {
      routingKey = RabbitTopology.routingKey(channel);
      Objects.requireNonNull(handler, "handler");
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
    return join(new FanOutEndpoint(wiring, callerContext(), channel, routingKey, handler));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails when the group or a channel name is invalid, no channel is given, the client is closed
   * or the connection is down.
   */
  @Override
  public Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler) {
    String queue;
    Map<String, String> channelsByKey = new LinkedHashMap<>();
    try {
      queue = RabbitTopology.groupQueue(group);
      if (channels == null || channels.isEmpty()) {
        throw new IllegalArgumentException("a consumer group needs at least one channel");
      }
      for (String channel : channels) {
        channelsByKey.putIfAbsent(RabbitTopology.routingKey(channel), channel);
      }
      Objects.requireNonNull(handler, "handler");
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
    return join(new GroupEndpoint(wiring, callerContext(), group, queue, channelsByKey, handler,
        settings.redeliveryDelay().toMillis()));
  }

  /** True: a group's durable queue keeps what is published while no member runs. */
  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return true;
  }

  @Override
  public BrokerState state() {
    return keeper.state();
  }

  /** The URL with the password masked, e.g. {@code amqp://guest:***@127.0.0.1:5672/}. */
  @Override
  public String describe() {
    return server;
  }

  /**
   * Stops every subscription, waits briefly for the confirms still due, then closes the
   * connection (unacknowledged group deliveries go back to their queues). Later calls fail;
   * closing twice returns the same future.
   */
  @Override
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    if (!closing.compareAndSet(null, closed.future())) {
      return closing.get();
    }
    keeper.markClosed();
    live.forEach(Endpoint::deactivate);
    io.call(() -> {
      publisher.drain(DRAIN_MILLIS);
      keeper.closeNow(CLOSE_MILLIS);
      publisher.failAll(keeper.closedError());
      live.clear();
      return null;
    }).eventually(io::close).onComplete(result -> {
      if (result.failed()) {
        LOG.debug("RabbitMQ {}: closing failed: {}", server, result.cause().toString());
      }
      LOG.info("RabbitMQ broker client of {} closed", server);
      closed.complete();
    });
    return closed.future();
  }

  @Override
  public String toString() {
    return "RabbitMqMessageBroker[" + server + ", " + state() + "]";
  }

  /** Re-creates, on a fresh connection, the exchange and every live subscription. I/O thread. */
  private void restore(Connection connection) throws IOException {
    publisher.open(connection);
    List<Endpoint> endpoints = List.copyOf(live);
    for (Endpoint endpoint : endpoints) {
      endpoint.attach(connection);
    }
    if (!endpoints.isEmpty()) {
      LOG.info("RabbitMQ {}: restored {} subscription(s)", server, endpoints.size());
    }
  }

  /** Starts an endpoint on the live connection and keeps it for later restores. */
  private Future<Subscription> join(Endpoint endpoint) {
    return io.<Subscription>call(() -> {
      if (closing.get() != null) {
        throw keeper.closedError();
      }
      try {
        endpoint.attach(keeper.requireConnection());
      } catch (IOException e) {
        throw new IllegalStateException("RabbitMQ at " + server + " refused the " + endpoint.describe() + ": "
            + AmqpErrors.reason(e), e);
      }
      live.add(endpoint);
      return endpoint;
    });
  }

  /** Persistent JSON, with the channel's name, and the route of a command addressed to one group. */
  private static AMQP.BasicProperties properties(String channel, String addressee) {
    Map<String, Object> headers = addressee == null
        ? Map.of(RabbitTopology.CHANNEL_HEADER, channel)
        : Map.of(RabbitTopology.CHANNEL_HEADER, channel, RabbitTopology.ROUTE_HEADER, RabbitTopology.route(addressee, channel));
    return new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .deliveryMode(2)
        .headers(headers)
        .build();
  }

  private Context callerContext() {
    Context current = Vertx.currentContext();
    return current != null ? current : vertx.getOrCreateContext();
  }
}
