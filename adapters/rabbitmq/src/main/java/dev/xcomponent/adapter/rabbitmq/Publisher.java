package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;

/**
 * The channel publications go through: in confirm mode, so a publication completes only once the
 * broker confirmed it (for a persistent message routed to a durable queue: once it is on disk).
 * The channel is opened on every (re)connection, and again if the broker closed it alone; opening
 * it (re)declares the exchanges. Used on the {@link AmqpIo} thread only.
 */
final class Publisher {
  private Channel channel;
  private PendingConfirms pending = new PendingConfirms();

  /** Opens a fresh confirm-mode channel on {@code connection}, declaring the exchange first. */
  void open(Connection connection) throws IOException {
    Channel opened = connection.createChannel();
    if (opened == null) {
      throw new IOException("RabbitMQ has no channel left on this connection");
    }
    try {
      RabbitTopology.declare(opened);
      opened.confirmSelect();
    } catch (IOException | RuntimeException e) {
      AmqpErrors.closeQuietly(opened);
      throw e;
    }
    PendingConfirms confirms = new PendingConfirms();
    opened.addConfirmListener(confirms);
    opened.addShutdownListener(cause -> confirms.failAll(new IllegalStateException(
        "the RabbitMQ channel closed before the broker confirmed the message, which may or may not "
            + "have been delivered: " + cause.getMessage())));
    channel = opened;
    pending = confirms;
  }

  /**
   * Sends one message; {@code confirmation} settles when the broker answers.
   *
   * @throws IOException when the message could not be written (then it was not sent)
   */
  void send(Connection connection, String routingKey, AMQP.BasicProperties properties, byte[] body,
      Confirmation confirmation) throws IOException {
    if (channel == null || !channel.isOpen()) {
      open(connection);
    }
    long sequenceNumber = channel.getNextPublishSeqNo();
    pending.add(sequenceNumber, confirmation);
    try {
      channel.basicPublish(RabbitTopology.EXCHANGE, routingKey, false, properties, body);
    } catch (IOException | RuntimeException e) {
      pending.forget(sequenceNumber);
      throw e;
    }
  }

  /** Waits up to {@code millis} for the confirms still due, before closing. */
  void drain(long millis) {
    if (channel == null || !channel.isOpen() || pending.size() == 0) {
      return;
    }
    try {
      channel.waitForConfirms(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // timed out or channel gone: what is left is failed by the caller
    }
  }

  /** Fails every publication still waiting for a confirm. */
  void failAll(Throwable cause) {
    pending.failAll(cause);
  }
}
