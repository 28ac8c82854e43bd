package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageBroker} on Redis pub/sub, with the reference wire layout: a channel name is used
 * verbatim as the Redis channel, a message is the JSON text of the map.
 *
 * <p><b>Connections.</b> Two: one for PUBLISH and the group claims, one dedicated to SUBSCRIBE.
 * Each channel is subscribed once on the wire however many local subscribers and group members
 * listen to it, and unsubscribed when the last one leaves. A lost connection is replaced after
 * capped, jittered exponential delays (100 ms doubling to 5 s, ± 20 %), and every channel that still
 * has a listener is subscribed again; {@link #state()} is {@code RECONNECTING} from the loss until
 * both connections are back and resubscribed, then {@code UP}. Meanwhile {@link #subscribe} and
 * {@link #consume} fail at once, saying so, and so does {@link #publish} while the publishing
 * connection is the one down; existing subscriptions and group members stay and resume. A peer that
 * vanishes without closing the socket is noticed through TCP keep-alive only.
 *
 * <p><b>Fan-out ({@link #subscribe}).</b> Completes once Redis confirmed the subscription; from then
 * on every message received on the channel goes to every local subscriber, on the Vert.x context
 * it subscribed from (or a context made for it when it subscribed from a plain thread). A handler
 * that throws loses that message only (logged as a warning). A payload that is not a JSON object
 * is logged and dropped.
 *
 * <p><b>Consumer groups ({@link #consume}).</b> Redis pub/sub has no groups, so every member
 * receives every message of its channels, and exactly one member of the group handles it: the one
 * whose {@code SET <prefix>group:<group>:<messageId> <memberId>:<n> NX PX <claimTtl>} wins. This needs
 * the message's {@code messageId} string field; a message without one is handled by <em>every</em>
 * member. A message id seen by a group is not handled again by that group until its claim expires
 * ({@link RedisBrokerSettings#claimTtl()}, 10 minutes by default), so republishing a message with
 * the same id within that time does nothing. A failed or throwing handler is tried again by the same
 * member with {@code redelivered=true}, after 50 ms doubling up to 1 s, at most {@link
 * RedisBrokerSettings#maxDeliveryAttempts()} attempts in all (5 by default); then the message is
 * logged and dropped. It is never handed to another member, not even when its member leaves.
 *
 * <p><b>At most once.</b> {@link #keepsMessagesForAbsentConsumers()} is false: Redis pub/sub
 * delivers a message to the connections subscribed at that instant and keeps nothing. What is
 * published while a group has no member, while the subscriber connection is being replaced, or
 * while a subscriber's process is down, is lost for it; so is a message whose member fails every
 * attempt or goes away before acknowledging. Use it for notifications (dashboards); commands that
 * must not be lost need a durable broker.
 *
 * <p>All methods may be called from any thread. Mutable state belongs to the context that called
 * {@link #connect}; create the broker where it will live and close it when done.
 */
public final class RedisMessageBroker implements MessageBroker {
  private static final Logger LOG = LoggerFactory.getLogger(RedisMessageBroker.class);

  private final Vertx vertx;
  private final RedisBrokerSettings settings;
  private final String server;
  private final OwnerContext owner;
  private final ChannelTable channels;
  private final LiveConnection publisher;
  private final LiveConnection subscriber;
  private final GroupClaims claims;
  private final AtomicReference<Future<Void>> closing = new AtomicReference<>();

  private RedisMessageBroker(Vertx vertx, Context context, RedisBrokerSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.server = settings.describe();
    this.owner = new OwnerContext(context);
    this.channels = new ChannelTable(settings.maxMessageBytes());
    long timeout = settings.requestTimeout().toMillis();
    this.publisher = new LiveConnection(owner, settings.redisOptions(), settings.clientName() + "-pub", server,
        timeout, c -> Future.succeededFuture(), () -> {});
    this.subscriber = new LiveConnection(owner, settings.redisOptions(), settings.clientName() + "-sub", server,
        timeout, this::prepareSubscriber, channels::lost);
    this.claims = new GroupClaims(settings.keyPrefix(), settings.claimTtl(), settings.requestTimeout(), publisher::current);
  }

  /**
   * Opens both connections. Fails when Redis cannot be reached (the message names the server, with
   * the password masked), so that a misconfigured start-up stops early; once connected, the broker
   * reconnects by itself.
   */
  public static Future<RedisMessageBroker> connect(Vertx vertx, RedisBrokerSettings settings) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    RedisMessageBroker broker = new RedisMessageBroker(vertx, vertx.getOrCreateContext(), settings);
    return broker.owner.call(() -> Future.all(broker.publisher.open(), broker.subscriber.open()))
        .map(v -> {
          LOG.info("Redis broker connected to {}", broker.server);
          return broker;
        })
        .recover(e -> broker.close().transform(ignored -> Future.failedFuture(new IllegalStateException(
            "Redis broker " + broker.server + " is unreachable: " + e.getMessage(), e))));
  }

  /** {@link #connect(Vertx, RedisBrokerSettings)} with default settings; a bad URL gives a failed future. */
  public static Future<RedisMessageBroker> connect(Vertx vertx, String url) {
    try {
      return connect(vertx, RedisBrokerSettings.fromUrl(url));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code PUBLISH <channel> <json>} and succeeds once Redis replied (a reply says how
   * many connections received it, zero included). Fails without sending when the channel is blank,
   * the message is null, not JSON-like or larger than the limit, and at once when the broker is
   * closed or its publishing connection is being replaced.
   */
  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    Buffer payload;
    try {
      checkName("channel", channel);
      payload = MessageCodec.encode(message, settings.maxMessageBytes());
      ensureOpen();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    RedisConnection c = publisher.current();
    if (c == null) {
      return Future.failedFuture(new IllegalStateException(
          "Redis broker " + server + " is reconnecting; nothing was published on " + channel));
    }
    return c.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload))
        .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "Redis broker " + server + " could not publish on " + channel + ": " + e.getMessage(), e)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Completes once Redis confirmed the subscription (at once when the channel is already
   * subscribed on the wire for another local listener). Fails at once when the broker is closed or
   * reconnecting.
   */
  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    try {
      checkName("channel", channel);
      Objects.requireNonNull(handler, "handler");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return listen(new FanOutSubscriber(channel, handlerContext(), handler), List.of(channel));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Completes once every channel is subscribed. See the class description for what a group on
   * pub/sub does and does not guarantee.
   */
  @Override
  public Future<Subscription> consume(String group, List<String> channelNames, DeliveryHandler handler) {
    List<String> names;
    try {
      checkName("group", group);
      Objects.requireNonNull(handler, "handler");
      if (channelNames == null || channelNames.isEmpty()) {
        throw new IllegalArgumentException("a group needs at least one channel");
      }
      channelNames.forEach(ch -> checkName("channel", ch));
      names = new ArrayList<>(new LinkedHashSet<>(channelNames));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    GroupMember member = new GroupMember(group, UUID.randomUUID().toString(), handlerContext(), handler,
        claims, owner, settings);
    return listen(member, names);
  }

  /** False: Redis pub/sub keeps nothing for a listener that is not there (see the class description). */
  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return false;
  }

  @Override
  public BrokerState state() {
    if (closing.get() != null) {
      return BrokerState.CLOSED;
    }
    return publisher.isUp() && subscriber.isUp() ? BrokerState.UP : BrokerState.RECONNECTING;
  }

  /** {@code redis pub/sub redis://[user:***@]host:port/db}. */
  @Override
  public String describe() {
    return "redis pub/sub " + server;
  }

  /** Stops every subscription and closes both connections; later calls fail. Harmless twice. */
  @Override
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    if (!closing.compareAndSet(null, closed.future())) {
      return closing.get();
    }
    owner.call(() -> {
      channels.clear();
      return Future.join(publisher.close(), subscriber.close()).<Void>mapEmpty().otherwiseEmpty();
    }).onComplete(ar -> closed.handle(ar));
    return closed.future();
  }

  /** Set-up of every new subscriber connection: route its pushes, subscribe what is wanted. */
  private Future<Void> prepareSubscriber(RedisConnection connection) {
    connection.handler(push -> owner.run(() -> channels.received(connection, push)));
    return channels.connected(connection)
        .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private Future<Subscription> listen(ChannelListener listener, List<String> names) {
    return owner.call(() -> {
      ensureUp();
      List<Future<Void>> confirmed = new ArrayList<>();
      names.forEach(name -> confirmed.add(channels.add(name, listener)));
      Subscription subscription = () -> cancel(listener, names);
      return Future.all(confirmed)
          .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .<Subscription>map(v -> subscription)
          .recover(e -> cancel(listener, names).transform(ignored -> Future.failedFuture(new IllegalStateException(
              "Redis broker " + server + " could not subscribe to " + names + ": " + e.getMessage(), e))));
    });
  }

  private Future<Void> cancel(ChannelListener listener, List<String> names) {
    listener.deactivate();
    return owner.call(() -> {
      names.forEach(name -> channels.remove(name, listener));
      return Future.succeededFuture();
    });
  }

  private void ensureOpen() {
    if (closing.get() != null) {
      throw new IllegalStateException("Redis broker " + server + " is closed");
    }
  }

  private void ensureUp() {
    ensureOpen();
    if (state() != BrokerState.UP) {
      throw new IllegalStateException("Redis broker " + server + " is reconnecting; try again once it is up");
    }
  }

  private Context handlerContext() {
    Context current = Vertx.currentContext();
    return current != null ? current : vertx.getOrCreateContext();
  }

  private static void checkName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " name must not be blank");
    }
  }
}
