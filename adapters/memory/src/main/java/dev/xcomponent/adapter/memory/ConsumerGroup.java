package dev.xcomponent.adapter.memory;

import dev.xcomponent.port.MessageBroker.Delivery;
import dev.xcomponent.port.MessageBroker.DeliveryHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer group of the in-memory broker: a queue of messages waiting for a member, and the
 * members taking them in turn.
 *
 * <p>Rules: a message goes to one member at a time; a member holds at most {@code prefetch}
 * unacknowledged messages; a failed delivery goes back to the head of the queue after {@link
 * #RETRY_DELAY_MS} and is marked redelivered; what a leaving member holds goes back to the head
 * too. The group outlives its members, so what is published while none runs waits (up to {@code
 * capacity} messages; beyond that a publication fails).
 */
final class ConsumerGroup {
  static final long RETRY_DELAY_MS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroup.class);

  private final String name;
  private final int prefetch;
  private final int capacity;
  private final Set<String> channels = new HashSet<>();
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private final List<Member> members = new ArrayList<>();
  private int turn;

  ConsumerGroup(String name, int prefetch, int capacity) {
    this.name = name;
    this.prefetch = prefetch;
    this.capacity = capacity;
  }

  synchronized void bind(List<String> more) {
    channels.addAll(more);
  }

  synchronized boolean listensTo(String channel) {
    return channels.contains(channel);
  }

  /** Queues a frozen message; false when the group is full. */
  boolean offer(String channel, Map<String, Object> frozen) {
    synchronized (this) {
      if (waiting.size() >= capacity) {
        return false;
      }
      waiting.addLast(new Pending(channel, frozen, false));
    }
    dispatch();
    return true;
  }

  Member join(Context context, DeliveryHandler handler) {
    Member m = new Member(context, handler);
    synchronized (this) {
      members.add(m);
    }
    dispatch();
    return m;
  }

  void leave(Member m) {
    synchronized (this) {
      if (!members.remove(m)) {
        return;
      }
      m.active = false;
      for (Pending p : m.held) {
        waiting.addFirst(p.again());
      }
      m.held.clear();
    }
    dispatch();
  }

  private void dispatch() {
    List<Runnable> starts = new ArrayList<>();
    synchronized (this) {
      while (!waiting.isEmpty()) {
        Member m = nextFreeMember();
        if (m == null) {
          break;
        }
        Pending p = waiting.pollFirst();
        m.held.add(p);
        starts.add(() -> m.start(p));
      }
    }
    starts.forEach(Runnable::run);
  }

  private Member nextFreeMember() {
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get((turn + i) % members.size());
      if (m.held.size() < prefetch) {
        turn = (turn + i + 1) % members.size();
        return m;
      }
    }
    return null;
  }

  private void settle(Member m, Pending p, boolean ok) {
    synchronized (this) {
      if (!m.held.remove(p)) {
        return; // the member left; the message was handed to the group again
      }
      if (!ok) {
        waiting.addFirst(p.again());
      }
    }
    dispatch();
  }

  private record Pending(String channel, Map<String, Object> message, boolean redelivered) {
    Pending again() {
      return new Pending(channel, message, true);
    }
  }

  /** A member of the group, bound to the context it joined from. */
  final class Member {
    private final Context context;
    private final DeliveryHandler handler;
    private final Set<Pending> held = new LinkedHashSet<>();
    private volatile boolean active = true;

    private Member(Context context, DeliveryHandler handler) {
      this.context = context;
      this.handler = handler;
    }

    private void start(Pending p) {
      try {
        context.runOnContext(v -> run(p));
      } catch (RejectedExecutionException e) {
        LOG.debug("group {}: member's context is gone", name);
        leave(this);
      }
    }

    private void run(Pending p) {
      if (!active) {
        return;
      }
      Future<Void> result;
      try {
        result = handler.handle(new Delivery(p.channel(), p.message(), p.redelivered()));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      if (result == null) {
        result = Future.failedFuture(new IllegalStateException("handler returned null"));
      }
      result.onComplete(
          r -> {
            if (r.succeeded()) {
              settle(this, p, true);
            } else {
              LOG.warn("group {}: delivery on {} failed, retrying: {}", name, p.channel(), r.cause().getMessage());
              context.owner().setTimer(RETRY_DELAY_MS, t -> settle(this, p, false));
            }
          });
    }
  }
}
