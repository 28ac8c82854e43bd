package dev.xcomponent.port;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Messaging between component runtimes and dashboards. Messages are JSON-like maps (strings,
 * numbers, booleans, null, lists and maps of these); channel names follow the reference layout
 * ({@code fsm:commands:create_instance}, {@code fsm:events:state_change}, {@code
 * xcomponent:<Component>}, …), and each adapter maps them onto its broker's names.
 *
 * <p>Two ways to receive:
 *
 * <ul>
 *   <li>{@link #subscribe} is <b>fan-out</b>: every live subscriber of a channel receives every
 *       message published after its subscription completed. Nothing is kept for a subscriber that
 *       is not there; this is how notifications reach dashboards.
 *   <li>{@link #consume} is a <b>consumer group</b>: each message of the group's channels goes to
 *       one member of the group, is acknowledged when the handler's future succeeds, and is
 *       delivered again (to the same or another member) when the handler fails or its member goes
 *       away without acknowledging. On a broker that {@linkplain #keepsMessagesForAbsentConsumers()
 *       keeps messages}, what is published while no member runs waits for the next member; this is
 *       how commands reach the runtime of a component without being lost while it restarts.
 * </ul>
 *
 * <p>Handlers run on the Vert.x context that subscribed (or one the adapter made for a plain
 * thread), never inside {@link #publish}. Messages from one publisher on one channel reach a
 * subscriber in publication order.
 */
public interface MessageBroker {
  /**
   * Publishes {@code message} on {@code channel}. Succeeds once the broker took the message (for a
   * durable broker: once it confirmed it); fails when the channel name is blank, the message is
   * not JSON-like, the broker is closed or unreachable.
   */
  Future<Void> publish(String channel, Map<String, Object> message);

  /**
   * Delivers every message published on {@code channel} after the returned future completed to
   * {@code handler}. A handler that throws loses that message only.
   */
  Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler);

  /**
   * Joins consumer group {@code group} on {@code channels}. The group exists from its first
   * {@code consume} on; every message published on one of its channels afterwards is delivered to
   * one of its members until a handler's future succeeds. A member has a bounded number of
   * unacknowledged deliveries at a time. An adapter may leave out the messages addressed to
   * another group ({@code Channels.addressee}: a command naming another component), which members
   * would only acknowledge and drop; it never leaves out one addressed to this group or to none.
   */
  Future<Subscription> consume(String group, List<String> channels, DeliveryHandler handler);

  /**
   * Whether a consumer group keeps the messages published while it has no member (and across
   * restarts of the broker client). False for at-most-once transports (Redis pub/sub). The
   * in-memory broker keeps them for as long as its process lives.
   */
  boolean keepsMessagesForAbsentConsumers();

  /** The state of the connection, for {@code /health}. */
  BrokerState state();

  /** A short description for logs and {@code /health}, without secrets (e.g. {@code memory}). */
  String describe();

  /** Releases connections; later calls fail. Closing twice is harmless. */
  Future<Void> close();

  /** An active subscription or group membership. */
  interface Subscription {
    /** Stops delivery; for a group member, its unacknowledged messages go to another member. */
    Future<Void> cancel();
  }

  /** Handles one delivery of a consumer group; the message is acknowledged when the future succeeds. */
  @FunctionalInterface
  interface DeliveryHandler {
    Future<Void> handle(Delivery delivery);
  }

  /**
   * One delivery to a consumer group member.
   *
   * @param channel the channel the message was published on
   * @param message the message
   * @param redelivered true when the adapter knows this message was handed to the group before
   *     (a hint: after a member's crash some brokers cannot tell, so receivers deduplicate by
   *     message id and never rely on it)
   */
  record Delivery(String channel, Map<String, Object> message, boolean redelivered) {}

  /** Connection state of a broker client. */
  enum BrokerState {
    /** Connected; publications and deliveries flow. */
    UP,
    /** Connection lost or not yet made; the client is trying again. */
    RECONNECTING,
    /** Closed on purpose. */
    CLOSED
  }
}
