package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import dev.xcomponent.port.MessageBroker.Delivery;
import dev.xcomponent.port.MessageBroker.DeliveryHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.Map;

/**
 * A member of a consumer group: the group's durable queue {@code xcomponent.group.<group>}, shared
 * by every member (competing consumers), bound with the routing key of each channel any member
 * asked for. A delivery is acknowledged when the handler's future succeeds; when it fails or the
 * handler throws, it is handed back to the broker (requeued, flagged redelivered) after the
 * redelivery delay. A body that is not a JSON object is logged and rejected without requeue:
 * dropped, or dead-lettered if an operator policy says so.
 */
final class GroupEndpoint extends Endpoint {
  private final String group;
  private final String queue;
  private final Map<String, String> channelsByKey;
  private final DeliveryHandler handler;
  private final long redeliveryDelayMillis;

  GroupEndpoint(Wiring wiring, Context context, String group, String queue, Map<String, String> channelsByKey,
      DeliveryHandler handler, long redeliveryDelayMillis) {
    super(wiring, context);
    this.group = group;
    this.queue = queue;
    this.channelsByKey = Map.copyOf(channelsByKey);
    this.handler = handler;
    this.redeliveryDelayMillis = redeliveryDelayMillis;
  }

  @Override
  String describe() {
    return "member of group " + group;
  }

  @Override
  String declareQueue(Channel channel) throws IOException {
    channel.queueDeclare(queue, true, false, false, null);
    return queue;
  }

  /**
   * An addressed command channel is bound through the commands exchange (commands for this group)
   * and the unaddressed exchange (commands for no group in particular); any other channel straight
   * to the topic exchange. The direct binding earlier versions made for a command channel is
   * removed, or the queue would keep receiving every component's commands.
   */
  @Override
  void bind(Channel channel, String queue) throws IOException {
    RabbitTopology.declare(channel); // again: an exchange may have been deleted since the connection opened
    for (Map.Entry<String, String> e : channelsByKey.entrySet()) {
      String key = e.getKey();
      if (RabbitTopology.addressed(e.getValue())) {
        channel.queueBind(queue, RabbitTopology.COMMANDS_EXCHANGE, "",
            Map.of("x-match", "all", RabbitTopology.ROUTE_HEADER, RabbitTopology.route(group, e.getValue())));
        channel.queueBind(queue, RabbitTopology.UNADDRESSED_EXCHANGE, key);
        channel.queueUnbind(queue, RabbitTopology.EXCHANGE, key);
      } else {
        channel.queueBind(queue, RabbitTopology.EXCHANGE, key);
      }
    }
  }

  @Override
  void deliver(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    long tag = envelope.getDeliveryTag();
    Map<String, Object> message;
    try {
      message = MessageCodec.decode(body);
    } catch (IllegalArgumentException e) {
      LOG.warn("RabbitMQ {}: dropping a malformed message routed with {}: {}", describe(),
          envelope.getRoutingKey(), e.getMessage());
      reject(channel, tag, false);
      return;
    }
    Delivery delivery = new Delivery(channelOf(properties, envelope.getRoutingKey()), message, envelope.isRedeliver());
    Future<Void> outcome;
    try {
      outcome = handler.handle(delivery);
      if (outcome == null) {
        outcome = Future.failedFuture(new IllegalStateException("the delivery handler returned no future"));
      }
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(result -> {
      if (result.succeeded()) {
        ack(channel, tag);
      } else {
        LOG.warn("RabbitMQ {}: handling a message of {} failed ({}); it goes back to the queue in {} ms",
            describe(), delivery.channel(), result.cause().toString(), redeliveryDelayMillis);
        vertx.setTimer(redeliveryDelayMillis, id -> reject(channel, tag, true));
      }
    });
  }

  /** The channel as published: from our header, else from the routing key. */
  private String channelOf(AMQP.BasicProperties properties, String routingKey) {
    Map<String, Object> headers = properties == null ? null : properties.getHeaders();
    Object named = headers == null ? null : headers.get(RabbitTopology.CHANNEL_HEADER);
    if (named instanceof LongString || named instanceof String) {
      return named.toString();
    }
    String known = channelsByKey.get(routingKey);
    return known != null ? known : routingKey.replace('.', ':');
  }
}
