package dev.xcomponent.adapter.rabbitmq;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One publication waiting for the broker's publisher confirm. It settles once (confirm, negative
 * confirm, lost channel or timeout, whichever comes first) and completes its future on the
 * publisher's context.
 */
final class Confirmation {
  private final Context context;
  private final Runnable onSettled;
  private final Promise<Void> promise = Promise.promise();
  private final AtomicBoolean settled = new AtomicBoolean();

  /** {@code onSettled} runs once, on whichever thread settles the publication. */
  Confirmation(Context context, Runnable onSettled) {
    this.context = context;
    this.onSettled = onSettled;
  }

  Future<Void> future() {
    return promise.future();
  }

  /** The broker took responsibility for the message. */
  void succeed() {
    if (settled.compareAndSet(false, true)) {
      onSettled.run();
      context.runOnContext(v -> promise.complete());
    }
  }

  /** The message was refused, or its outcome is unknown. */
  void fail(Throwable cause) {
    if (settled.compareAndSet(false, true)) {
      onSettled.run();
      context.runOnContext(v -> promise.fail(cause));
    }
  }
}
