package dev.xcomponent.adapter.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels of the subscriber connection: which local listeners want which channel, and what
 * Redis has confirmed. Used on the owner context only.
 *
 * <ul>
 *   <li>A channel is subscribed once on the wire however many local listeners it has; UNSUBSCRIBE
 *       goes out when the last one leaves.
 *   <li>At most one SUBSCRIBE or UNSUBSCRIBE per channel awaits its confirmation. When it arrives,
 *       the table compares what is wanted with what is on the wire and sends the next command if
 *       they differ. Redis answers commands in order, so confirmations and error replies are
 *       matched with the commands in the order they were sent.
 *   <li>{@link #add} completes once Redis confirmed that the channel is subscribed.
 *   <li>When the connection is lost nothing is on the wire any more: listeners still waiting for
 *       their first confirmation are refused, the others stay and are subscribed again by {@link
 *       #connected}, whose future completes once every wanted channel is confirmed.
 *   <li>A message is decoded once; a payload that is not a JSON object, or larger than the limit,
 *       is logged (channel and size, never the content) and dropped.
 * </ul>
 */
final class ChannelTable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelTable.class);

  private final Map<String, Channel> channels = new HashMap<>();
  /** Channels whose command was sent and not yet answered, in sending order. */
  private final Deque<Channel> sent = new ArrayDeque<>();
  private final int maxMessageBytes;
  private RedisConnection connection;

  ChannelTable(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Adds {@code listener} to {@code name}; completes once the channel is subscribed on the wire. */
  Future<Void> add(String name, ChannelListener listener) {
    if (connection == null) {
      return Future.failedFuture(new IllegalStateException("the subscriber connection to Redis is down"));
    }
    Channel ch = channels.computeIfAbsent(name, Channel::new);
    ch.listeners.add(listener);
    if (ch.onWire && !ch.inFlight) {
      return Future.succeededFuture();
    }
    Promise<Void> confirmed = Promise.promise();
    ch.waiters.add(new Waiter(listener, confirmed));
    reconcile(ch);
    return confirmed.future();
  }

  /** Removes {@code listener} from {@code name}; unsubscribes the channel when it was the last. */
  void remove(String name, ChannelListener listener) {
    Channel ch = channels.get(name);
    if (ch == null) {
      return;
    }
    ch.listeners.remove(listener);
    for (Waiter w : List.copyOf(ch.waiters)) {
      if (w.listener() == listener) {
        ch.waiters.remove(w);
        w.promise().tryFail(new IllegalStateException("subscription to " + name + " cancelled"));
      }
    }
    reconcile(ch);
  }

  /** A (new) subscriber connection is ready: subscribes every wanted channel on it. */
  Future<Void> connected(RedisConnection c) {
    connection = c;
    List<Future<Void>> confirmations = new ArrayList<>();
    for (Channel ch : List.copyOf(channels.values())) {
      Promise<Void> confirmed = Promise.promise();
      ch.waiters.add(new Waiter(null, confirmed));
      confirmations.add(confirmed.future());
      reconcile(ch);
    }
    return Future.all(confirmations).mapEmpty();
  }

  /** The subscriber connection is gone: nothing is on the wire any more. */
  void lost() {
    connection = null;
    sent.clear();
    for (Channel ch : List.copyOf(channels.values())) {
      ch.onWire = false;
      ch.inFlight = false;
      refuseWaiters(ch, new IllegalStateException(
          "the connection to Redis was lost before the subscription to " + ch.name + " was confirmed"));
      if (ch.listeners.isEmpty()) {
        channels.remove(ch.name, ch);
      }
    }
  }

  /** Forgets every channel and stops every listener (the broker is closing). */
  void clear() {
    for (Channel ch : List.copyOf(channels.values())) {
      ch.listeners.forEach(ChannelListener::deactivate);
      refuseWaiters(ch, new IllegalStateException("broker closed"));
    }
    channels.clear();
    sent.clear();
    connection = null;
  }

  /** Channel names with at least one local listener. */
  Set<String> names() {
    return Set.copyOf(channels.keySet());
  }

  /** A push from the subscriber connection {@code from}: a message, a confirmation or an error. */
  void received(RedisConnection from, Response push) {
    if (from != connection || push == null) {
      return;
    }
    if (push.type() == ResponseType.ERROR) {
      refused(String.valueOf(push));
      return;
    }
    if (push.size() < 2 || push.get(0) == null || push.get(1) == null) {
      return;
    }
    String kind = push.get(0).toString();
    switch (kind) {
      case "message" -> {
        if (push.size() >= 3 && push.get(2) != null) {
          deliver(push.get(1).toString(), push.get(2).toBuffer());
        }
      }
      case "subscribe", "unsubscribe" -> confirmed("subscribe".equals(kind), push.get(1).toString());
      default -> LOG.debug("Ignored a '{}' push on the subscriber connection", kind);
    }
  }

  private void deliver(String name, Buffer payload) {
    Channel ch = channels.get(name);
    if (ch == null || ch.listeners.isEmpty()) {
      return;
    }
    if (payload.length() > maxMessageBytes) {
      LOG.warn("Dropped a message of {} bytes on {}: larger than the limit of {}", payload.length(), name, maxMessageBytes);
      return;
    }
    Incoming message;
    try {
      message = Incoming.decode(name, payload);
    } catch (IllegalArgumentException e) {
      LOG.warn("Dropped a malformed message on {} ({} bytes): not a JSON object", name, payload.length());
      return;
    }
    for (ChannelListener l : List.copyOf(ch.listeners)) {
      try {
        l.onMessage(message);
      } catch (RuntimeException e) {
        LOG.error("Listener of {} failed to take a message", name, e);
      }
    }
  }

  private void confirmed(boolean subscribed, String name) {
    Channel ch = sent.pollFirst();
    if (ch == null || !ch.name.equals(name)) {
      LOG.warn("Unexpected {} confirmation for {} on the subscriber connection", subscribed ? "subscribe" : "unsubscribe", name);
      return;
    }
    ch.inFlight = false;
    ch.onWire = subscribed;
    reconcile(ch);
  }

  private void refused(String error) {
    Channel ch = sent.pollFirst();
    LOG.warn("Redis refused to (un)subscribe {}: {}", ch == null ? "a channel" : ch.name, error);
    if (ch == null) {
      return;
    }
    ch.inFlight = false;
    refuseWaiters(ch, new IllegalStateException("Redis refused the subscription to " + ch.name + ": " + error));
    reconcile(ch);
  }

  /** Sends what brings the wire in line with the wishes, or settles the channel when they agree. */
  private void reconcile(Channel ch) {
    if (ch.inFlight) {
      return;
    }
    boolean wanted = !ch.listeners.isEmpty();
    if (wanted != ch.onWire) {
      if (connection != null) {
        send(ch, wanted ? Command.SUBSCRIBE : Command.UNSUBSCRIBE);
      }
      return;
    }
    List<Waiter> settled = List.copyOf(ch.waiters);
    ch.waiters.clear();
    if (!wanted) {
      channels.remove(ch.name, ch);
    }
    settled.forEach(w -> w.promise().tryComplete());
  }

  private void send(Channel ch, Command command) {
    ch.inFlight = true;
    sent.addLast(ch);
    // Pub/sub commands complete once written; the confirmation comes back as a push. A failed
    // write breaks the connection, which then reports itself lost.
    connection.send(Request.cmd(command).arg(ch.name))
        .onFailure(e -> LOG.debug("Could not send {} {}: {}", command, ch.name, e.getMessage()));
  }

  private static void refuseWaiters(Channel ch, Throwable cause) {
    List<Waiter> refused = List.copyOf(ch.waiters);
    ch.waiters.clear();
    for (Waiter w : refused) {
      if (w.listener() != null) {
        ch.listeners.remove(w.listener());
      }
      w.promise().tryFail(cause);
    }
  }

  private record Waiter(ChannelListener listener, Promise<Void> promise) {}

  private static final class Channel {
    final String name;
    final Set<ChannelListener> listeners = new LinkedHashSet<>();
    final List<Waiter> waiters = new ArrayList<>();
    /** Redis confirmed the subscription (and no unsubscription since). */
    boolean onWire;
    /** A SUBSCRIBE or UNSUBSCRIBE awaits its confirmation. */
    boolean inFlight;

    Channel(String name) {
      this.name = name;
    }
  }
}
