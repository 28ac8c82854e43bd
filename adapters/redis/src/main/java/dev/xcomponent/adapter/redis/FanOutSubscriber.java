package dev.xcomponent.adapter.redis;

import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code subscribe} handler bound to the context it subscribed from. Each message is a separate
 * task on that context, so the handler sees messages one at a time, in arrival order; a handler
 * that throws loses that message only (logged as a warning).
 */
final class FanOutSubscriber implements ChannelListener {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutSubscriber.class);

  private final String channel;
  private final Context context;
  private final Consumer<Map<String, Object>> handler;
  private volatile boolean active = true;

  FanOutSubscriber(String channel, Context context, Consumer<Map<String, Object>> handler) {
    this.channel = channel;
    this.context = context;
    this.handler = handler;
  }

  @Override
  public void onMessage(Incoming message) {
    if (!active) {
      return;
    }
    Map<String, Object> own = message.message();
    try {
      context.runOnContext(v -> run(own));
    } catch (RejectedExecutionException e) {
      LOG.debug("Dropped a message of {}: the subscriber's context no longer runs tasks", channel);
    }
  }

  @Override
  public void deactivate() {
    active = false;
  }

  private void run(Map<String, Object> message) {
    if (!active) {
      return;
    }
    try {
      handler.accept(message);
    } catch (RuntimeException e) {
      LOG.warn("Subscriber of {} failed on a message; that message is lost for it", channel, e);
    }
  }
}
