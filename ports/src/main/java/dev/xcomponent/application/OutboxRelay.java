package dev.xcomponent.application;

import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.OutboxMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the messages a component's transitions recorded in the store's outbox, and tells the
 * store which ones the broker took, so that what is left there is exactly what may not have
 * reached the broker.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A recorded message is handed to the {@link Relay} once its transition is committed; when
 *       the broker takes it, its id joins a batch reported to the store with {@link
 *       EventStore#relayed} (at most {@value #MARK_BATCH} ids, or after {@value #MARK_DELAY_MS} ms).
 *       A report that fails is not retried: the messages stay in the outbox and are sent again by
 *       the next sweep, and receivers ignore the copies (same {@code messageId}).
 *   <li>A sweep sends what the outbox holds, oldest first, one page of {@value #PAGE} at a time,
 *       waiting for each page to be taken. One runs at start-up (messages recorded before a crash
 *       or a stop while the broker was away) and one once the relay drained after it dropped
 *       messages for lack of room.
 *   <li>A message to a component of this process is handed to it directly (see {@link
 *       LocalComponents}) and counts as taken once that component acted on it.
 *   <li>Without a store, a message goes straight to the relay; if the relay drops it, it is lost
 *       and logged at ERROR.
 * </ul>
 */
final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  static final int PAGE = 500;
  static final int MARK_BATCH = 256;
  static final long MARK_DELAY_MS = 20;
  private static final long SWEEP_CHECK_MS = 1_000;

  private final Vertx vertx;
  private final String component;
  private final EventStore store;
  private final Relay relay;
  private final BiFunction<String, Map<String, Object>, Future<Void>> direct;
  private List<String> taken = new ArrayList<>();
  private boolean markScheduled;
  private boolean sweepNeeded;
  private boolean sweeping;
  private long sweepTimer = -1;
  private volatile boolean stopped;

  /**
   * @param direct hands a message to a component of this process, or returns null when its target
   *     is not one
   */
  OutboxRelay(Vertx vertx, String component, EventStore store, Relay relay,
      BiFunction<String, Map<String, Object>, Future<Void>> direct) {
    this.vertx = vertx;
    this.component = component;
    this.store = store;
    this.relay = relay;
    this.direct = direct;
  }

  /** Hands a message over: directly to a component of this process, else to the broker. */
  private Future<Void> handOver(OutboxMessage m) {
    Future<Void> here = direct.apply(m.channel(), m.message());
    return here != null ? here : relay.send(m.channel(), m.message());
  }

  /** Hands a recorded message to the broker (now, or once the broker is back). */
  void send(OutboxMessage m) {
    handOver(m).onComplete(ar -> {
      if (ar.succeeded()) {
        taken(m.messageId());
      } else if (store == null) {
        LOG.error("{}", ar.cause().getMessage());
      } else {
        LOG.warn("{}; it stays in the outbox and is sent again once the broker caught up", ar.cause().getMessage());
        needSweep();
      }
    });
  }

  /**
   * Sends again what the outbox holds, in order; completes once all of it was taken by the
   * broker, or at once without a store.
   */
  Future<Integer> sweep() {
    if (store == null) {
      return Future.succeededFuture(0);
    }
    synchronized (this) {
      if (sweeping) {
        return Future.succeededFuture(0);
      }
      sweeping = true;
      sweepNeeded = false;
    }
    return page(0, 0).andThen(ar -> {
      synchronized (this) {
        sweeping = false;
      }
      if (ar.failed()) {
        needSweep();
      } else if (ar.result() > 0) {
        LOG.info("component {}: {} messages of the outbox sent again", component, ar.result());
      }
    });
  }

  /** Stops the sweeps and reports what is already known to be taken. */
  Future<Void> stop() {
    stopped = true;
    synchronized (this) {
      if (sweepTimer >= 0) {
        vertx.cancelTimer(sweepTimer);
        sweepTimer = -1;
      }
    }
    return mark();
  }

  private Future<Integer> page(long after, int sent) {
    if (stopped) {
      return Future.succeededFuture(sent);
    }
    return store.outbox(component, after, PAGE).compose(list -> {
      if (list.isEmpty()) {
        return Future.succeededFuture(sent);
      }
      List<Future<Void>> handedOver = new ArrayList<>(list.size());
      for (OutboxMessage m : list) {
        handedOver.add(handOver(m).onSuccess(v -> taken(m.messageId())));
      }
      long last = list.get(list.size() - 1).position();
      return Future.all(handedOver).compose(v -> list.size() < PAGE
          ? Future.succeededFuture(sent + list.size())
          : page(last, sent + list.size()));
    });
  }

  private void taken(String messageId) {
    if (store == null) {
      return;
    }
    boolean now;
    synchronized (this) {
      taken.add(messageId);
      now = taken.size() >= MARK_BATCH;
      if (!now && !markScheduled) {
        markScheduled = true;
        vertx.setTimer(MARK_DELAY_MS, t -> mark());
      }
    }
    if (now) {
      mark();
    }
  }

  private Future<Void> mark() {
    List<String> batch;
    synchronized (this) {
      markScheduled = false;
      if (taken.isEmpty() || store == null) {
        return Future.succeededFuture();
      }
      batch = taken;
      taken = new ArrayList<>();
    }
    return store.relayed(component, batch)
        .onFailure(e -> LOG.debug("component {}: {} relayed messages not cleared from the outbox ({}); sent again by a later sweep",
            component, batch.size(), e.getMessage()))
        .otherwiseEmpty();
  }

  /** Sweeps once the relay has room again; polled, since a drop only happens when it is full. */
  private synchronized void needSweep() {
    sweepNeeded = true;
    if (sweepTimer >= 0 || stopped) {
      return;
    }
    sweepTimer = vertx.setPeriodic(SWEEP_CHECK_MS, id -> {
      boolean go;
      synchronized (this) {
        go = sweepNeeded && !sweeping && relay.waiting() == 0 && !stopped;
        if (go || stopped) {
          vertx.cancelTimer(id);
          sweepTimer = -1;
        }
      }
      if (go) {
        sweep();
      }
    });
  }
}
