package dev.xcomponent.adapter.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The names this adapter uses on the broker, identical to the reference implementation's where it
 * has one: one durable topic exchange, routing key = channel with {@code ':'} replaced by {@code
 * '.'}, one exclusive auto-delete queue per fan-out subscription and one durable queue per
 * consumer group.
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

  /** AMQP short strings (routing keys, queue names) hold at most this many bytes. */
  static final int MAX_NAME_BYTES = 255;

  private RabbitTopology() {}

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
