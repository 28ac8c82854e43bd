package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import io.vertx.core.Context;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fan-out subscription: an exclusive, auto-delete queue of its own (a new one on every
 * connection), so every subscriber gets every message published while it is connected, and
 * nothing is kept for it otherwise. Each delivery is acknowledged once the handler returned, even
 * when it threw: a failing handler loses that message only.
 */
final class FanOutEndpoint extends Endpoint {
  private final String channelName;
  private final String routingKey;
  private final Consumer<Map<String, Object>> handler;

  FanOutEndpoint(Wiring wiring, Context context, String channelName, String routingKey,
      Consumer<Map<String, Object>> handler) {
    super(wiring, context);
    this.channelName = channelName;
    this.routingKey = routingKey;
    this.handler = handler;
  }

  @Override
  String describe() {
    return "subscription to " + channelName;
  }

  @Override
  String declareQueue(Channel channel) throws IOException {
    String queue = RabbitTopology.fanOutQueue(routingKey);
    channel.queueDeclare(queue, false, true, true, null);
    return queue;
  }

  @Override
  void bind(Channel channel, String queue) throws IOException {
    channel.queueBind(queue, RabbitTopology.EXCHANGE, routingKey);
  }

  @Override
  void deliver(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    Map<String, Object> message;
    try {
      message = MessageCodec.decode(body);
    } catch (IllegalArgumentException e) {
      LOG.warn("RabbitMQ {}: dropping a malformed message: {}", describe(), e.getMessage());
      ack(channel, envelope.getDeliveryTag());
      return;
    }
    try {
      handler.accept(message);
    } catch (RuntimeException e) {
      LOG.warn("RabbitMQ {}: the handler failed; this message is lost for it", describe(), e);
    }
    ack(channel, envelope.getDeliveryTag());
  }
}
