package dev.xcomponent.adapter.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis connection that comes back by itself. Each connection gets a client of its own, so
 * that dropping it closes the socket for good and a new one starts clean.
 *
 * <p>Life cycle: {@link #open()} makes the first connection (no retry: a wrong address should stop
 * a start-up). Once up, a lost connection (end of stream or error) is reported to {@code onLost}
 * and replaced after {@link Backoff#RECONNECT} delays (100 ms doubling to 5 s, ± 20 %), until one
 * works or {@link #close()} is called. A connection counts as up only once {@code setup} (naming
 * it, subscribing again…) succeeded. Used on the owner context only, except {@link #current()}.
 */
final class LiveConnection {
  private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

  private final OwnerContext owner;
  private final RedisOptions options;
  private final String name;
  private final String server;
  private final long requestTimeoutMillis;
  private final Function<RedisConnection, Future<Void>> setup;
  private final Runnable onLost;
  private volatile RedisConnection current;
  private Attempt attempt;
  private int failures;
  private long timer = -1;
  private boolean closed;

  /**
   * @param name the connection's {@code CLIENT SETNAME}, also used in logs
   * @param server the masked server description, for logs and errors
   * @param setup run on every new connection before it counts as up
   * @param onLost told when a connection that was up (or being set up) is lost
   */
  LiveConnection(OwnerContext owner, RedisOptions options, String name, String server, long requestTimeoutMillis,
      Function<RedisConnection, Future<Void>> setup, Runnable onLost) {
    this.owner = owner;
    this.options = options;
    this.name = name;
    this.server = server;
    this.requestTimeoutMillis = requestTimeoutMillis;
    this.setup = setup;
    this.onLost = onLost;
  }

  /** The connection when up, else null; safe from any thread. */
  RedisConnection current() {
    return current;
  }

  boolean isUp() {
    return current != null;
  }

  /** Makes the first connection; fails when Redis cannot be reached or set up. */
  Future<Void> open() {
    return connectOnce();
  }

  /** Drops the connection and stops reconnecting. Harmless when called twice. */
  Future<Void> close() {
    closed = true;
    current = null;
    if (timer != -1) {
      owner.vertx().cancelTimer(timer);
      timer = -1;
    }
    Attempt a = attempt;
    attempt = null;
    if (a == null) {
      return Future.succeededFuture();
    }
    a.dead = true;
    return a.client.close().otherwiseEmpty();
  }

  private Future<Void> connectOnce() {
    Attempt a = new Attempt(Redis.createClient(owner.vertx(), options));
    attempt = a;
    long connectMillis = options.getNetClientOptions().getConnectTimeout() + requestTimeoutMillis;
    return owner.back(a.client.connect().timeout(connectMillis, TimeUnit.MILLISECONDS))
        .compose(conn -> {
          a.connection = conn;
          conn.endHandler(v -> owner.run(() -> dropped(a, null)));
          conn.exceptionHandler(e -> owner.run(() -> dropped(a, e)));
          return owner.back(nameIt(conn).compose(v -> setup.apply(conn)));
        })
        .compose(v -> {
          if (a.dead || closed) {
            return Future.failedFuture(new IllegalStateException("connection " + name + " lost while being set up"));
          }
          current = a.connection;
          failures = 0;
          return Future.<Void>succeededFuture();
        })
        .onFailure(e -> abandon(a));
  }

  /** Names the connection for {@code CLIENT LIST}; a server that refuses (ACL) is no obstacle. */
  private Future<Void> nameIt(RedisConnection conn) {
    return conn.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(name))
        .timeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.debug("Connection {} could not be named: {}", name, e.getMessage());
          return Future.succeededFuture();
        });
  }

  private void dropped(Attempt a, Throwable cause) {
    if (a.dead) {
      return;
    }
    boolean wasUp = current == a.connection;
    if (wasUp) {
      current = null;
    }
    if (!closed) {
      if (cause == null) {
        LOG.warn("Connection {} to Redis {} closed; reconnecting", name, server);
      } else {
        LOG.warn("Connection {} to Redis {} failed ({}); reconnecting", name, server, String.valueOf(cause.getMessage()));
      }
    }
    abandon(a);
    if (wasUp && !closed) {
      scheduleReconnect();
    }
    // else: it died during its set-up; connectOnce fails and its caller decides what comes next
  }

  /** Ends an attempt for good: closes its client and, if it had a connection, reports it lost. */
  private void abandon(Attempt a) {
    if (a.dead) {
      return;
    }
    a.dead = true;
    a.client.close();
    if (a.connection != null && !closed) {
      onLost.run();
    }
  }

  private void scheduleReconnect() {
    long delay = Backoff.RECONNECT.delayMillis(failures++);
    timer = owner.later(delay, this::reconnect);
  }

  private void reconnect() {
    timer = -1;
    if (closed) {
      return;
    }
    connectOnce().onComplete(ar -> owner.run(() -> {
      if (closed) {
        return;
      }
      if (ar.succeeded()) {
        LOG.info("Connection {} to Redis {} is back", name, server);
      } else {
        LOG.debug("Connection {} to Redis {} still down: {}", name, server, ar.cause().getMessage());
        scheduleReconnect();
      }
    }));
  }

  /** One try: its client, its connection once made, and whether it is over. */
  private static final class Attempt {
    final Redis client;
    RedisConnection connection;
    boolean dead;

    Attempt(Redis client) {
      this.client = client;
    }
  }
}
