package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live subscription or group membership: one channel of its own with a bounded prefetch, one
 * queue bound to the exchange, one consumer with manual acknowledgement. Deliveries are handed to
 * the context that subscribed, in the order the broker sent them. Attaching runs on the {@link
 * AmqpIo} thread and is done again on every fresh connection; should the broker drop only this
 * consumer (its queue deleted, a channel error), it re-attaches by itself.
 *
 * <p>Once cancelled, nothing more reaches the handler; closing the channel hands every
 * unacknowledged delivery back to the broker.
 */
abstract class Endpoint implements MessageBroker.Subscription {
  protected static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

  /** What an endpoint needs from its broker client. */
  record Wiring(Vertx vertx, AmqpIo io, Backoff backoff, int prefetch, Supplier<Connection> connection,
      Consumer<Endpoint> onCancel) {}

  protected final Vertx vertx;
  private final Context context;
  private final Wiring wiring;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private volatile Channel channel;

  Endpoint(Wiring wiring, Context context) {
    this.wiring = wiring;
    this.vertx = wiring.vertx();
    this.context = context;
  }

  /** For logs: what this endpoint listens to. */
  abstract String describe();

  /** Declares the queue to consume from on {@code channel} and returns its name. */
  abstract String declareQueue(Channel channel) throws IOException;

  /** Binds {@code queue} so that it receives what this endpoint listens to. */
  abstract void bind(Channel channel, String queue) throws IOException;

  /** Handles one delivery on the subscriber's context, and acknowledges or rejects it. */
  abstract void deliver(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body);

  /** Opens a channel on {@code connection} and starts consuming. Runs on the I/O thread. */
  final void attach(Connection connection) throws IOException {
    if (!active.get()) {
      return;
    }
    Channel opened = connection.createChannel();
    if (opened == null) {
      throw new IOException("RabbitMQ has no channel left on this connection");
    }
    try {
      opened.basicQos(wiring.prefetch());
      String queue = declareQueue(opened);
      bind(opened, queue);
      opened.basicConsume(queue, false, new Receiver(opened));
    } catch (IOException | RuntimeException e) {
      AmqpErrors.closeQuietly(opened);
      throw e;
    }
    channel = opened;
  }

  /** Stops delivery and hands unacknowledged messages back to the broker. Idempotent. */
  @Override
  public final Future<Void> cancel() {
    if (!active.compareAndSet(true, false)) {
      return Future.succeededFuture();
    }
    wiring.onCancel().accept(this);
    return wiring.io().call(() -> {
      AmqpErrors.closeQuietly(channel);
      return (Void) null;
    }).otherwise((Void) null);
  }

  /** Stops delivery at once, leaving the channel to the connection's close. */
  final void deactivate() {
    active.set(false);
  }

  final boolean active() {
    return active.get();
  }

  /** Acknowledges a delivery, unless its channel is gone (the broker then redelivers it). */
  final void ack(Channel on, long deliveryTag) {
    wiring.io().run("ack", () -> {
      if (on.isOpen()) {
        on.basicAck(deliveryTag, false);
      }
      return null;
    });
  }

  /** Rejects a delivery: back into the queue, or dropped (dead-lettered if a policy says so). */
  final void reject(Channel on, long deliveryTag, boolean requeue) {
    wiring.io().run("nack", () -> {
      if (on.isOpen()) {
        on.basicNack(deliveryTag, false, requeue);
      }
      return null;
    });
  }

  private void consumerLost(Channel lostOn, String reason) {
    if (!active.get() || lostOn != channel) {
      return;
    }
    LOG.warn("RabbitMQ {} stopped ({}); starting it again", describe(), reason);
    scheduleReattach(lostOn, 1);
  }

  private void scheduleReattach(Channel lostOn, int attempt) {
    vertx.setTimer(wiring.backoff().delayMillis(attempt), id -> wiring.io().run("re-attach", () -> {
      reattach(lostOn, attempt);
      return null;
    }));
  }

  private void reattach(Channel lostOn, int attempt) {
    Connection connection = wiring.connection().get();
    if (!active.get() || lostOn != channel || connection == null) {
      return; // cancelled, already replaced, or the whole connection is being restored
    }
    AmqpErrors.closeQuietly(lostOn);
    try {
      attach(connection);
      LOG.info("RabbitMQ {} consumes again", describe());
    } catch (IOException | RuntimeException e) {
      LOG.warn("RabbitMQ {}: restart attempt {} failed ({})", describe(), attempt, AmqpErrors.reason(e));
      scheduleReattach(lostOn, attempt + 1);
    }
  }

  /** The client's callbacks for one channel, on the client's dispatch thread. */
  private final class Receiver extends DefaultConsumer {
    private final Channel on;

    Receiver(Channel on) {
      super(on);
      this.on = on;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
        byte[] body) {
      if (active.get()) {
        context.runOnContext(v -> {
          if (active.get()) {
            deliver(on, envelope, properties, body);
          }
        });
      }
    }

    @Override
    public void handleCancel(String consumerTag) {
      consumerLost(on, "the broker cancelled the consumer; was its queue deleted?");
    }

    @Override
    public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
      // A connection-level loss is the ConnectionKeeper's business; our own close is expected.
      if (!signal.isHardError() && !signal.isInitiatedByApplication()) {
        consumerLost(on, signal.getMessage());
      }
    }
  }
}
