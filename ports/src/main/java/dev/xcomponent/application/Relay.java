package dev.xcomponent.application;

import dev.xcomponent.port.MessageBroker;
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
 * message is dropped and logged at ERROR. A message keeps its {@code messageId} across attempts, so
 * a receiver that saw it already ignores the copy.
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

  private record Pending(String channel, Map<String, Object> message) {}

  Relay(Vertx vertx, MessageBroker broker, int capacity) {
    this.vertx = vertx;
    this.broker = broker;
    this.capacity = capacity;
  }

  void send(String channel, Map<String, Object> message) {
    synchronized (this) {
      if (!waiting.isEmpty()) {
        keep(new Pending(channel, message));
        return;
      }
    }
    broker.publish(channel, message).onFailure(e -> {
      LOG.warn("publish on {} failed ({}); the message waits for the broker", channel, e.getMessage());
      synchronized (this) {
        keep(new Pending(channel, message));
      }
    });
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
      LOG.error("{} messages already wait for the broker: message {} on {} dropped", capacity,
          p.message().get("messageId"), p.channel());
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
