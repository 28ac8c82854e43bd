package dev.xcomponent.adapter.kafka;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageBroker} on Apache Kafka (mode 6 of the deployment guide), wire-compatible with
 * the reference: channel {@code a:b:c} is topic {@code xcomponent.a.b.c} (a channel already
 * starting with {@code xcomponent.} is used as it is), each message is the UTF-8 JSON text of the
 * map.
 *
 * <ul>
 *   <li><b>Topics</b> are created on first use with the admin client ({@code partitions} and
 *       {@code replicationFactor} of the settings, 1 and 1 by default); one that exists is fine.
 *   <li><b>Publishing</b> uses an idempotent producer with {@code acks=all}; the record key is the
 *       message's {@code instanceId} (or {@code data.instanceId}), so one instance's messages stay
 *       in one partition, in order. The future succeeds once the broker acknowledged the record and
 *       fails within {@code publishTimeout} when it cannot. A blank channel or a message that is
 *       not JSON-like fails at once and sends nothing.
 *   <li><b>{@link #subscribe}</b> (fan-out) gives each subscription a consumer group of its own,
 *       reading from the end of the log; its future completes once the partitions are assigned and
 *       the position fixed, so every later message is delivered. See {@code FanOutSubscription}.
 *   <li><b>{@link #consume}</b> joins the stable group {@code <groupPrefix>.<group>}: offsets are
 *       committed after the handler's future succeeded, failed deliveries come again marked {@code
 *       redelivered}, and what is published while no member runs is kept for the next member
 *       ({@link #keepsMessagesForAbsentConsumers()} is true). See {@code GroupMember}.
 *   <li><b>Connection.</b> The Kafka clients reconnect by themselves with a capped, jittered
 *       backoff. {@link #state()} is probed every {@code healthInterval}: {@code RECONNECTING} while
 *       the cluster does not answer, {@code UP} when it does again, {@code CLOSED} after {@link
 *       #close()}.
 * </ul>
 *
 * <p>Handlers run on the Vert.x context that subscribed (a new event-loop context when subscribing
 * from a plain thread). Consumers run on threads of their own, one per subscription or membership;
 * the producer's blocking calls run on a thread of the client, never on an event loop.
 */
public final class KafkaMessageBroker implements MessageBroker {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaMessageBroker.class);

  private final Vertx vertx;
  private final KafkaSettings settings;
  private final Admin admin;
  private final Publisher publisher;
  private final TopicRegistry topics;
  private final HealthProbe health;
  private final Set<ConsumerLoop> loops = ConcurrentHashMap.newKeySet();
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  private KafkaMessageBroker(Vertx vertx, KafkaSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.admin = Admin.create(ClientProperties.admin(settings));
    Publisher p;
    try {
      p = new Publisher(settings);
    } catch (RuntimeException e) {
      admin.close(settings.requestTimeout());
      throw e;
    }
    this.publisher = p;
    this.topics = new TopicRegistry(admin, settings);
    this.health = new HealthProbe(vertx, admin, settings.healthInterval(), settings.describe());
  }

  /**
   * Opens a client of the Kafka cluster at {@code url} (see {@link KafkaSettings#fromUrl}) with
   * default settings.
   */
  public static Future<MessageBroker> open(Vertx vertx, String url) {
    KafkaSettings settings;
    try {
      settings = KafkaSettings.fromUrl(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return open(vertx, settings);
  }

  /**
   * Opens a client of the Kafka cluster of {@code settings}. The future completes once the cluster
   * answered, and fails after {@code connectTimeout} when it does not, saying where it looked.
   */
  public static Future<MessageBroker> open(Vertx vertx, KafkaSettings settings) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    Context context = contextOf(vertx);
    // creating the clients resolves the bootstrap host names: keep it off the event loop
    return context.executeBlocking(() -> new KafkaMessageBroker(vertx, settings))
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "cannot create Kafka clients for " + settings.describe() + ": " + e.getMessage(), e)))
        .compose(broker -> broker.connect(context));
  }

  private Future<MessageBroker> connect(Context context) {
    CompletableFuture<String> answered = admin
        .describeCluster(new DescribeClusterOptions().timeoutMs(ClientProperties.millis(settings.connectTimeout())))
        .clusterId()
        .toCompletionStage()
        .toCompletableFuture();
    return Future.fromCompletionStage(answered, context).<MessageBroker>map(clusterId -> {
      LOG.info("connected to Kafka cluster {} at {}", clusterId, settings.describe());
      health.start();
      return this;
    }).recover(e -> close().transform(ignored -> Future.failedFuture(new IllegalStateException(
        "Kafka is not reachable at " + settings.describe() + " within " + settings.connectTimeout().toMillis()
            + " ms: " + TopicRegistry.unwrap(e).getMessage(), e))));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Creates the channel's topic when needed. Fails when the client is closed, the channel makes
   * no legal topic name, the message is null or not JSON-like (nothing is sent then), or the broker
   * did not acknowledge within {@code publishTimeout}.
   */
  @Override
  public Future<Void> publish(String channel, Map<String, Object> message) {
    Context context = contextOf(vertx);
    if (closing.get() != null) {
      return Future.failedFuture(closed());
    }
    String topic;
    byte[] value;
    String key;
    try {
      topic = TopicNames.topicOf(channel);
      value = JsonMessages.encode(message);
      key = JsonMessages.key(message);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    CompletableFuture<Void> sent = topics.ensure(topic).thenCompose(v -> publisher.send(topic, key, value));
    return Future.fromCompletionStage(sent, context).recover(e -> Future.failedFuture(publishFailure(channel, e)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Completes once this subscription holds every partition of the channel's topic and knows
   * where it reads; fails when the client is closed, the channel is blank, or that did not happen
   * within {@code joinTimeout}.
   */
  @Override
  public Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler) {
    Context context = contextOf(vertx);
    if (closing.get() != null) {
      return Future.failedFuture(closed());
    }
    String topic;
    try {
      topic = TopicNames.topicOf(channel);
      Objects.requireNonNull(handler, "handler");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return Future.fromCompletionStage(topics.ensure(topic), context)
        .compose(v -> launch(new FanOutSubscription(settings, context, channel, topic, handler)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The Kafka group is {@code <groupPrefix>.<group>}. Completes once the group assigned
   * partitions to this member (possibly none, when other members hold them all) and the member
   * knows where to read in each; fails when the client is closed, the group name is blank, the
   * channel list is empty or holds a bad name, or within {@code joinTimeout}.
   */
  @Override
  public Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler) {
    Context context = contextOf(vertx);
    if (closing.get() != null) {
      return Future.failedFuture(closed());
    }
    Map<String, String> byTopic = new LinkedHashMap<>();
    try {
      if (group == null || group.isBlank()) {
        throw new IllegalArgumentException("group name must not be blank");
      }
      if (channels == null || channels.isEmpty()) {
        throw new IllegalArgumentException("a group needs at least one channel");
      }
      for (String channel : channels) {
        byTopic.putIfAbsent(TopicNames.topicOf(channel), channel);
      }
      Objects.requireNonNull(handler, "handler");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String groupId = settings.groupPrefix() + "." + group;
    return Future.fromCompletionStage(topics.ensureAll(List.copyOf(byTopic.keySet())), context)
        .compose(v -> launch(new GroupMember(settings, context, group, groupId, byTopic, handler)));
  }

  /** True: a consumer group's committed offsets keep its place while no member runs. */
  @Override
  public boolean keepsMessagesForAbsentConsumers() {
    return true;
  }

  @Override
  public BrokerState state() {
    return closing.get() != null ? BrokerState.CLOSED : health.state();
  }

  /** The URL with the password masked, e.g. {@code kafka://b1:9092?clientId=app&groupId=xcomponent}. */
  @Override
  public String describe() {
    return settings.describe();
  }

  /**
   * Cancels every subscription and membership (each commits what its handlers finished and leaves
   * its group), then sends what the producer still buffers and closes the producer and the admin
   * client, each within {@code requestTimeout}. Closing twice is harmless.
   */
  @Override
  public Future<Void> close() {
    Context context = contextOf(vertx);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!closing.compareAndSet(null, done)) {
      return Future.fromCompletionStage(closing.get(), context);
    }
    health.stop();
    CompletableFuture<?>[] stopped = loops.stream().map(ConsumerLoop::stop).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(stopped).whenComplete((v, e) -> {
      Thread closer = new Thread(() -> {
        try {
          publisher.close(settings.requestTimeout());
        } catch (RuntimeException x) {
          LOG.warn("closing the Kafka producer failed: {}", x.toString());
        }
        try {
          admin.close(settings.requestTimeout());
        } catch (RuntimeException x) {
          LOG.warn("closing the Kafka admin client failed: {}", x.toString());
        }
        done.complete(null);
      }, "xc-kafka-close");
      closer.setDaemon(true);
      closer.start();
    });
    return Future.fromCompletionStage(done, context);
  }

  private Future<Subscription> launch(ConsumerLoop loop) {
    loops.add(loop);
    loop.finished().whenComplete((v, e) -> loops.remove(loop));
    if (closing.get() != null) {
      loop.stop();
      return Future.failedFuture(closed());
    }
    return loop.start();
  }

  private IllegalStateException publishFailure(String channel, Throwable error) {
    Throwable cause = TopicRegistry.unwrap(error);
    boolean timedOut = false;
    for (Throwable t = cause; t != null && !timedOut; t = t.getCause()) {
      timedOut = t instanceof TimeoutException;
    }
    if (timedOut) {
      return new IllegalStateException("Kafka did not acknowledge the message on channel '" + channel + "' within "
          + settings.publishTimeout().toMillis() + " ms (broker unreachable?): " + cause.getMessage(), cause);
    }
    return new IllegalStateException("publishing on channel '" + channel + "' failed: " + cause.getMessage(), cause);
  }

  private IllegalStateException closed() {
    return new IllegalStateException("the Kafka broker client " + settings.describe() + " is closed");
  }

  private static Context contextOf(Vertx vertx) {
    Context current = Vertx.currentContext();
    return current != null ? current : vertx.getOrCreateContext();
  }
}
