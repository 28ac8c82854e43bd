package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Readable reasons for the RabbitMQ client's failures, and quiet clean-up. */
final class AmqpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpErrors.class);

  private AmqpErrors() {}

  /**
   * A one-line reason for {@code failure}: the server's reply text when the broker closed a
   * channel or the connection (the client wraps it in an {@code IOException}), else the
   * exception's own message. Never contains credentials: the client does not put them in errors.
   */
  static String reason(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      if (t instanceof ShutdownSignalException signal) {
        return signal.getMessage();
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + message;
  }

  /** Closes {@code channel} if it is open, ignoring failures: it is being dropped anyway. */
  static void closeQuietly(Channel channel) {
    if (channel == null || !channel.isOpen()) {
      return;
    }
    try {
      channel.close();
    } catch (Exception e) {
      LOG.debug("closing a RabbitMQ channel failed: {}", e.toString());
    }
  }
}
