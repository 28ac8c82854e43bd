package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import dev.xcomponent.application.Channels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The names this adapter uses on the broker, identical to the reference implementation's where it
 * has one: one durable topic exchange, routing key = channel with {@code ':'} replaced by {@code
 * '.'}, one exclusive auto-delete queue per fan-out subscription and one durable queue per
 * consumer group.
 *
 * <p>Commands addressed to one component ({@link Channels#addressee}) reach only that component's
 * group queue, so each is stored once instead of once per component. Every message is still
 * published to the topic exchange with its usual routing key (fan-out subscribers, the reference
 * implementation's included, see them all); the topic exchange also passes the addressed command
 * channels to a headers exchange, {@link #COMMANDS_EXCHANGE}, where each group queue is bound by
 * its {@link #ROUTE_HEADER}. A command that matches no binding (it names no component, was
 * published without the header, or names a component that has no queue yet) goes on to the
 * alternate exchange {@link #UNADDRESSED_EXCHANGE}, a topic exchange every group queue is bound to
 * by routing key, and reaches every group as before.
 */
final class RabbitTopology {
  /** The durable topic exchange every message goes through. */
  static final String EXCHANGE = "xcomponent.events";
  /** Its type. */
  static final String EXCHANGE_TYPE = "topic";
  /** Prefix of every queue name. */
  static final String QUEUE_PREFIX = "xcomponent.";
  /** Prefix of a consumer group's queue, followed by the group name. */
  static final String GROUP_QUEUE_PREFIX = "xcomponent.group.";
  /**
   * Header carrying the channel name as published, so a consumer learns it exactly even though
   * the routing key cannot tell {@code a:b} from {@code a.b}. Messages without it (published by
   * the reference implementation) are still understood.
   */
  static final String CHANNEL_HEADER = "x-xcomponent-channel";

  /** Durable headers exchange that hands addressed commands to their group's queue only. */
  static final String COMMANDS_EXCHANGE = "xcomponent.commands";
  /** Durable topic exchange for the commands {@link #COMMANDS_EXCHANGE} could not route. */
  static final String UNADDRESSED_EXCHANGE = "xcomponent.commands.unaddressed";
  /**
   * Header naming the group and channel an addressed command is for ({@link #route}). Its name
   * does not start with {@code x-}: RabbitMQ's headers exchange ignores such headers.
   */
  static final String ROUTE_HEADER = "xcomponent-route";

  /** AMQP short strings (routing keys, queue names) hold at most this many bytes. */
  static final int MAX_NAME_BYTES = 255;

  private RabbitTopology() {}

  /**
   * Declares the exchanges and the bindings between them. Idempotent; run when the publisher's
   * channel opens and before a group queue is bound.
   */
  static void declare(Channel channel) throws IOException {
    channel.exchangeDeclare(EXCHANGE, EXCHANGE_TYPE, true);
    channel.exchangeDeclare(UNADDRESSED_EXCHANGE, "topic", true);
    channel.exchangeDeclare(COMMANDS_EXCHANGE, "headers", true, false, Map.of("alternate-exchange", UNADDRESSED_EXCHANGE));
    for (String command : Channels.ADDRESSED) {
      channel.exchangeBind(COMMANDS_EXCHANGE, EXCHANGE, routingKey(command));
    }
  }

  /** Whether messages of {@code channel} may be addressed to one group. */
  static boolean addressed(String channel) {
    return Channels.ADDRESSED.contains(channel);
  }

  /** The {@link #ROUTE_HEADER} value of a command on {@code channel} addressed to {@code group}. */
  static String route(String group, String channel) {
    return group + "@" + channel;
  }

  /**
   * The routing key of {@code channel}.
   *
   * @throws IllegalArgumentException when the channel is blank, contains a topic wildcard ({@code
   *     *} or {@code #}) or is longer than AMQP allows
   */
  static String routingKey(String channel) {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("channel name must not be blank");
    }
    if (channel.indexOf('*') >= 0 || channel.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "channel name must not contain '*' or '#', which RabbitMQ topic bindings read as wildcards");
    }
    String key = channel.replace(':', '.');
    if (bytes(key) > MAX_NAME_BYTES) {
      throw new IllegalArgumentException("channel name is longer than " + MAX_NAME_BYTES + " bytes");
    }
    return key;
  }

  /**
   * The durable queue shared by the members of {@code group}.
   *
   * @throws IllegalArgumentException when the group name is blank or too long
   */
  static String groupQueue(String group) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("group name must not be blank");
    }
    String queue = GROUP_QUEUE_PREFIX + group;
    if (bytes(queue) > MAX_NAME_BYTES) {
      throw new IllegalArgumentException("group name is longer than "
          + (MAX_NAME_BYTES - GROUP_QUEUE_PREFIX.length()) + " bytes");
    }
    return queue;
  }

  /**
   * A fresh name for the exclusive queue of a fan-out subscription to {@code routingKey}: {@code
   * xcomponent.<routingKey>.<epoch ms>.<random>}, as in the reference. A new name is taken at each
   * (re)connection, so a queue the server has not yet dropped for a dead connection cannot clash.
   */
  static String fanOutQueue(String routingKey) {
    String suffix = "." + System.currentTimeMillis() + "."
        + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    String name = QUEUE_PREFIX + routingKey + suffix;
    return bytes(name) <= MAX_NAME_BYTES ? name : QUEUE_PREFIX + "subscription" + suffix;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
