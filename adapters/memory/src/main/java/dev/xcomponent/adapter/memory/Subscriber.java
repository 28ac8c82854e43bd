package dev.xcomponent.adapter.memory;

import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handler bound to the Vert.x context it subscribed from. Every delivery is a separate task on
 * that context, so messages reach the handler one at a time, in the order they were handed over,
 * and never inside the publisher's call stack.
 */
final class Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

  private final String name;
  private final Context context;
  private final Consumer<Map<String, Object>> handler;
  private volatile boolean active = true;

  Subscriber(String name, Context context, Consumer<Map<String, Object>> handler) {
    this.name = name;
    this.context = context;
    this.handler = handler;
  }

  String name() {
    return name;
  }

  /** Schedules the delivery of an already frozen message; returns at once. */
  void deliver(Map<String, Object> frozen) {
    if (!active) {
      return;
    }
    try {
      context.runOnContext(v -> run(frozen));
    } catch (RejectedExecutionException e) {
      // The subscriber's Vert.x instance is shutting down: nothing can run there any more.
      LOG.debug("Dropped a message for {}: its context no longer accepts tasks", name);
    }
  }

  /** Stops deliveries, including those already scheduled but not yet run. */
  void deactivate() {
    active = false;
  }

  private void run(Map<String, Object> frozen) {
    if (!active) {
      return;
    }
    try {
      handler.accept(frozen);
    } catch (RuntimeException e) {
      LOG.warn("Subscriber of {} failed on a message", name, e);
    }
  }
}
