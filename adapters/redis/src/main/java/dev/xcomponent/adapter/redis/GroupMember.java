package dev.xcomponent.adapter.redis;

import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker.Delivery;
import dev.xcomponent.port.MessageBroker.DeliveryHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group on Redis pub/sub. Every member of the group receives every
 * message; this one handles a message only after winning its claim ({@link GroupClaims}). State is
 * kept on the owner context; the handler runs on the member's own context.
 *
 * <ul>
 *   <li>At most {@code prefetch} messages are being claimed or handled at once; the next ones wait
 *       in a queue of at most {@code queueLimit}. A message that finds the queue full is left to
 *       the other members (logged): a busy member does not claim what it cannot start.
 *   <li>A message without a string {@code messageId} cannot be claimed: every member handles it.
 *   <li>A command addressed to another group ({@link Channels#addressee}) is neither claimed nor
 *       delivered: Redis sends every command to every subscriber, and this spares a claim round
 *       trip and a hand-off per command and per other component.
 *   <li>A failed claim, a failed handler future or a throwing handler is tried again by this member
 *       after {@link Backoff#RETRY} (50 ms doubling, capped at 1 s), marked redelivered once the
 *       handler has seen it; after {@code maxAttempts} attempts the message is logged and dropped.
 *   <li>Cancelling stops everything at once: waiting messages are dropped, attempts in progress are
 *       not retried, and nothing is handed to another member.
 * </ul>
 */
final class GroupMember implements ChannelListener {
  private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);
  private static final String MESSAGE_ID = "messageId";

  private final String group;
  private final String memberId;
  private final Context context;
  private final DeliveryHandler handler;
  private final GroupClaims claims;
  private final OwnerContext owner;
  private final int prefetch;
  private final int queueLimit;
  private final int maxAttempts;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private int started;
  private long deliveries;
  private volatile boolean active = true;

  GroupMember(String group, String memberId, Context context, DeliveryHandler handler, GroupClaims claims,
      OwnerContext owner, RedisBrokerSettings settings) {
    this.group = group;
    this.memberId = memberId;
    this.context = context;
    this.handler = handler;
    this.claims = claims;
    this.owner = owner;
    this.prefetch = settings.prefetch();
    this.queueLimit = settings.memberQueueLimit();
    this.maxAttempts = settings.maxDeliveryAttempts();
  }

  @Override
  public void onMessage(Incoming message) {
    if (!active) {
      return;
    }
    Map<String, Object> first = message.message();
    String addressee = Channels.addressee(message.channel(), first);
    if (addressee != null && !addressee.equals(group)) {
      return; // a command for another component: no claim, no delivery (MessageBroker#consume allows it)
    }
    if (queue.size() >= queueLimit) {
      LOG.warn("Group {}: member {} has {} messages waiting; a message on {} is left to the other members",
          group, memberId, queue.size(), message.channel());
      return;
    }
    Object id = first.get(MESSAGE_ID);
    String messageId = id instanceof String s && !s.isEmpty() ? s : null;
    queue.addLast(new Pending(message, first, messageId, memberId + ":" + ++deliveries));
    startWaiting();
  }

  @Override
  public void deactivate() {
    active = false;
    queue.clear();
  }

  private void startWaiting() {
    while (active && started < prefetch && !queue.isEmpty()) {
      started++;
      attempt(queue.pollFirst(), 1);
    }
  }

  private void attempt(Pending p, int n) {
    if (!active) {
      return;
    }
    Future<Boolean> mine = p.claimed || p.messageId == null
        ? Future.succeededFuture(true)
        : claims.claim(group, p.messageId, p.claimToken);
    owner.back(mine).onComplete(claim -> {
      if (!active) {
        return;
      }
      if (claim.failed()) {
        failed(p, n, "claim failed: " + claim.cause().getMessage());
      } else if (!claim.result()) {
        finished(); // another member of the group took it
      } else {
        p.claimed = true;
        owner.back(handle(p)).onComplete(done -> {
          if (!active) {
            return;
          }
          if (done.succeeded()) {
            finished();
          } else {
            failed(p, n, String.valueOf(done.cause().getMessage()));
          }
        });
      }
    });
  }

  private Future<Void> handle(Pending p) {
    Delivery delivery = new Delivery(p.message.channel(), p.nextMap(), p.handled);
    p.handled = true;
    Promise<Void> result = Promise.promise();
    try {
      context.runOnContext(v -> {
        if (!active) {
          return; // cancelled meanwhile: the result no longer matters
        }
        Future<Void> f;
        try {
          f = handler.handle(delivery);
        } catch (RuntimeException e) {
          f = Future.failedFuture(e);
        }
        (f == null ? Future.<Void>failedFuture(new IllegalStateException("handler returned null")) : f)
            .onComplete(ar -> result.handle(ar));
      });
    } catch (RejectedExecutionException e) {
      result.fail(e);
    }
    return result.future();
  }

  private void failed(Pending p, int attempt, String why) {
    if (attempt >= maxAttempts) {
      LOG.error("Group {}: a message on {} (messageId {}) failed {} times and is dropped; last failure: {}",
          group, p.message.channel(), p.messageId, attempt, why);
      finished();
      return;
    }
    LOG.warn("Group {}: attempt {} of {} on {} (messageId {}) failed, trying again: {}",
        group, attempt, maxAttempts, p.message.channel(), p.messageId, why);
    owner.later(Backoff.RETRY.delayMillis(attempt - 1), () -> attempt(p, attempt + 1));
  }

  private void finished() {
    started--;
    startWaiting();
  }

  /** A message taken by this member, with what its attempts have achieved so far. */
  private static final class Pending {
    final Incoming message;
    final String messageId;
    final String claimToken;
    Map<String, Object> first;
    boolean claimed;
    boolean handled;

    Pending(Incoming message, Map<String, Object> first, String messageId, String claimToken) {
      this.message = message;
      this.first = first;
      this.messageId = messageId;
      this.claimToken = claimToken;
    }

    /** The decoded message for one attempt, fresh each time so that a handler's changes do not carry over. */
    Map<String, Object> nextMap() {
      Map<String, Object> m = first;
      if (m != null) {
        first = null;
        return m;
      }
      return message.message();
    }
  }
}
