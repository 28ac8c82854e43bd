package dev.xcomponent.adapter.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The one Vert.x context that owns a broker's mutable state (connections, channel table, group
 * members). Whatever touches that state runs here: calls from other threads and callbacks of the
 * Redis client hop over, in the order they were handed in, so no lock is needed.
 */
final class OwnerContext {
  private final Context context;

  OwnerContext(Context context) {
    this.context = context;
  }

  Vertx vertx() {
    return context.owner();
  }

  /** Runs {@code task} now when already on the owner context, else as the next task there. */
  void run(Runnable task) {
    if (Vertx.currentContext() == context) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  /** Runs {@code task} on the owner context; a throwing task gives a failed future. */
  <T> Future<T> call(Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    run(() -> {
      Future<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> result.handle(ar));
    });
    return result.future();
  }

  /** {@code f}, with its completion handed over to the owner context. */
  <T> Future<T> back(Future<T> f) {
    Promise<T> result = Promise.promise();
    f.onComplete(ar -> run(() -> result.handle(ar)));
    return result.future();
  }

  /** Calls {@code task} on the owner context after {@code delayMillis}; returns the timer id. */
  long later(long delayMillis, Runnable task) {
    return vertx().setTimer(delayMillis, id -> run(task));
  }
}
