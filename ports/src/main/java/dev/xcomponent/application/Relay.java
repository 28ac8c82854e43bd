package dev.xcomponent.application;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a runtime's outgoing messages to the broker and keeps those the broker refused (connection
 * lost, broker restarting) to publish them again, oldest first, with capped jittered backoff (100
 * ms doubling to 5 s), until the broker takes them. While messages wait, new ones queue behind them
 * so that what one runtime sends keeps its order. At most {@code capacity} wait; beyond that a
 * message is dropped: its future fails, and the caller decides what that means (a message recorded
 * in the store's outbox is sent again later; any other is lost, and logged at ERROR). A message
 * keeps its {@code messageId} across attempts, so a receiver that saw it already ignores the copy.
 */
final class Relay {
  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
  private static final long FIRST_DELAY_MS = 100;
  private static final long MAX_DELAY_MS = 5_000;

  private final Vertx vertx;
  private final MessageBroker broker;
  private final int capacity;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private boolean draining;
  private long delay = FIRST_DELAY_MS;
  private long dropped;

  private record Pending(String channel, Map<String, Object> message, Promise<Void> handedOver) {}

  Relay(Vertx vertx, MessageBroker broker, int capacity) {
    this.vertx = vertx;
    this.broker = broker;
    this.capacity = capacity;
  }

  /**
   * Publishes {@code message}, now or once the broker is back.
   *
   * @return completes when the broker took the message; fails when it was dropped because {@code
   *     capacity} messages were already waiting
   */
  Future<Void> send(String channel, Map<String, Object> message) {
    Pending p = new Pending(channel, message, Promise.promise());
    synchronized (this) {
      if (!waiting.isEmpty()) {
        keep(p);
        return p.handedOver().future();
      }
    }
    broker.publish(channel, message).onComplete(ar -> {
      if (ar.succeeded()) {
        p.handedOver().complete();
        return;
      }
      LOG.warn("publish on {} failed ({}); the message waits for the broker", channel, ar.cause().getMessage());
      synchronized (this) {
        keep(p);
      }
    });
    return p.handedOver().future();
  }

  /** Messages waiting for the broker. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** Messages dropped because too many were waiting. */
  synchronized long dropped() {
    return dropped;
  }

  private void keep(Pending p) {
    if (waiting.size() >= capacity) {
      dropped++;
      p.handedOver().tryFail(capacity + " messages already wait for the broker: message "
          + p.message().get("messageId") + " on " + p.channel() + " dropped");
      return;
    }
    waiting.addLast(p);
    if (!draining) {
      draining = true;
      vertx.setTimer(jittered(), t -> drain());
    }
  }

  private void drain() {
    Pending next;
    synchronized (this) {
      next = waiting.peekFirst();
      if (next == null) {
        draining = false;
        delay = FIRST_DELAY_MS;
        return;
      }
    }
    broker.publish(next.channel(), next.message()).onComplete(ar -> {
      if (ar.succeeded()) {
        synchronized (this) {
          waiting.pollFirst();
          delay = FIRST_DELAY_MS;
        }
        next.handedOver().complete();
        drain();
      } else {
        synchronized (this) {
          delay = Math.min(MAX_DELAY_MS, delay * 2);
        }
        vertx.setTimer(jittered(), t -> drain());
      }
    });
  }

  private synchronized long jittered() {
    return Math.max(1, (long) (delay * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
  }
}
