package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns settings into a RabbitMQ {@link ConnectionFactory}. */
final class ConnectionFactories {
  /** Bound on one AMQP RPC (declare, bind, consume, close): the client's own default is 10 min. */
  static final int RPC_TIMEOUT_MILLIS = 15_000;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionFactories.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private ConnectionFactories() {}

  /**
   * A factory for {@code settings}. The client's own automatic recovery is off: {@link
   * ConnectionKeeper} reconnects and the broker re-declares what it needs, so that there is one
   * recovery mechanism and it is observable.
   *
   * @throws IllegalStateException when TLS is asked for and the JVM has no default TLS context
   */
  static ConnectionFactory create(RabbitMqSettings settings) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(settings.host());
    factory.setPort(settings.port());
    factory.setVirtualHost(settings.virtualHost());
    factory.setUsername(settings.user());
    factory.setPassword(settings.password());
    factory.setRequestedHeartbeat(settings.heartbeatSeconds());
    int connectMillis = (int) settings.connectTimeout().toMillis();
    factory.setConnectionTimeout(connectMillis);
    factory.setHandshakeTimeout(connectMillis);
    factory.setChannelRpcTimeout(RPC_TIMEOUT_MILLIS);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    factory.setThreadFactory(daemonThreads());
    factory.setExceptionHandler(new QuietDriverErrors());
    if (settings.tls()) {
      try {
        factory.useSslProtocol(SSLContext.getDefault());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JVM offers no default TLS context for amqps://", e);
      }
      factory.enableHostnameVerification();
    }
    return factory;
  }

  /**
   * The client's exception handler, except that a broken socket is logged at DEBUG: the
   * connection's loss is reported once, at WARN with its reason, by {@link ConnectionKeeper}.
   */
  private static final class QuietDriverErrors extends ForgivingExceptionHandler {
    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
      LOG.debug("RabbitMQ connection driver error: {}", exception.toString());
    }
  }

  /** The client's reader, heartbeat and dispatch threads must not keep the JVM alive. */
  private static ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "xcomponent-amqp-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
