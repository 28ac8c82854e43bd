package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.xcomponent.port.MessageBroker.BrokerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one AMQP connection open. When the connection is lost (server restart, forced close,
 * missed heartbeats, network), it tries again after a capped, jittered exponential {@link
 * Backoff}, forever, until closed; every attempt and its failure is logged at WARN with the masked
 * URL. A fresh connection counts only once the {@link Restorer} re-created on it everything the
 * client had (exchange, queues, bindings, consumers); a failing restore is a failed attempt.
 * Connecting and restoring run on the {@link AmqpIo} thread.
 */
final class ConnectionKeeper {
  /** Re-creates the client's topology and consumers on a fresh connection; throws to fail. */
  @FunctionalInterface
  interface Restorer {
    void restore(Connection connection) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionKeeper.class);

  private final Vertx vertx;
  private final AmqpIo io;
  private final ConnectionFactory factory;
  private final String connectionName;
  private final String server;
  private final Backoff backoff;
  private final Restorer restorer;
  private final AtomicReference<Connection> current = new AtomicReference<>();
  private volatile boolean closed;
  private volatile String blockedReason;
  private volatile long timer = -1;

  ConnectionKeeper(Vertx vertx, AmqpIo io, ConnectionFactory factory, RabbitMqSettings settings,
      Backoff backoff, Restorer restorer) {
    this.vertx = vertx;
    this.io = io;
    this.factory = factory;
    this.connectionName = settings.connectionName();
    this.server = settings.describe();
    this.backoff = backoff;
    this.restorer = restorer;
  }

  /** Makes the first connection: one attempt, failing when the broker cannot be reached. */
  Future<Void> connect() {
    return io.call(() -> {
      establish();
      return null;
    });
  }

  /** The live connection, or null while reconnecting or once closed. */
  Connection current() {
    return current.get();
  }

  /**
   * The live connection.
   *
   * @throws IllegalStateException saying the broker is unreachable or the client closed
   */
  Connection requireConnection() {
    if (closed) {
      throw closedError();
    }
    Connection connection = current.get();
    if (connection == null) {
      throw unreachable();
    }
    return connection;
  }

  /** Why the broker currently refuses publications (a resource alarm), or null. */
  String blockedReason() {
    return blockedReason;
  }

  BrokerState state() {
    if (closed) {
      return BrokerState.CLOSED;
    }
    Connection connection = current.get();
    return connection != null && connection.isOpen() ? BrokerState.UP : BrokerState.RECONNECTING;
  }

  IllegalStateException unreachable() {
    return new IllegalStateException("RabbitMQ at " + server + " is unreachable; the client is reconnecting");
  }

  IllegalStateException closedError() {
    return new IllegalStateException("the RabbitMQ client of " + server + " is closed");
  }

  /** Stops reconnecting at once; {@link #closeNow} then closes the connection. */
  void markClosed() {
    closed = true;
    long pending = timer;
    if (pending >= 0) {
      vertx.cancelTimer(pending);
    }
  }

  /** Closes the connection and, with it, every channel. Runs on the I/O thread. */
  void closeNow(int timeoutMillis) {
    Connection connection = current.getAndSet(null);
    if (connection != null && connection.isOpen()) {
      try {
        connection.close(timeoutMillis);
      } catch (Exception e) {
        LOG.debug("RabbitMQ {}: closing the connection failed: {}", server, e.toString());
      }
    }
  }

  private void establish() throws IOException, TimeoutException {
    Connection connection = factory.newConnection(connectionName);
    try {
      connection.addShutdownListener(cause -> lost(connection, cause));
      connection.addBlockedListener(
          reason -> {
            blockedReason = reason;
            LOG.warn("RabbitMQ {} blocks publications: {}", server, reason);
          },
          () -> {
            blockedReason = null;
            LOG.info("RabbitMQ {} accepts publications again", server);
          });
      restorer.restore(connection);
      if (closed) {
        throw closedError();
      }
    } catch (IOException | RuntimeException e) {
      connection.abort(ConnectionFactories.RPC_TIMEOUT_MILLIS);
      throw e;
    }
    blockedReason = null;
    current.set(connection);
    if (!connection.isOpen()) {
      // lost while restoring, after the listener ignored it: it was not current yet
      lost(connection, connection.getCloseReason());
    }
  }

  private void lost(Connection connection, ShutdownSignalException cause) {
    if (!current.compareAndSet(connection, null) || closed) {
      return; // not the live connection (a failed attempt, or closed on purpose)
    }
    String reason = cause == null ? "closed" : cause.getMessage();
    scheduleAttempt(1, "RabbitMQ " + server + ": connection lost (" + reason + ")");
  }

  private void scheduleAttempt(int attempt, String why) {
    if (closed) {
      return;
    }
    long delay = backoff.delayMillis(attempt);
    LOG.warn("{}; reconnect attempt {} in {} ms", why, attempt, delay);
    try {
      timer = vertx.setTimer(delay, id -> io.call(() -> {
        attempt(attempt);
        return null;
      }));
    } catch (RuntimeException e) {
      LOG.warn("RabbitMQ {}: cannot schedule a reconnect, Vert.x is closing: {}", server, e.toString());
    }
  }

  private void attempt(int attempt) {
    if (closed) {
      return;
    }
    try {
      establish();
      LOG.info("RabbitMQ {}: reconnected on attempt {}", server, attempt);
    } catch (Exception e) {
      if (!closed) {
        scheduleAttempt(attempt + 1,
            "RabbitMQ " + server + ": reconnect attempt " + attempt + " failed (" + AmqpErrors.reason(e) + ")");
      }
    }
  }
}
