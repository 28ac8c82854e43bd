package dev.xcomponent.adapter.memory;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test helper: runs an asynchronous action on a given Vert.x context and waits for it. */
final class Contexts {
  private Contexts() {}

  /** Runs {@code action} on {@code context} and returns its result, waiting at most 5 s. */
  static <T> T on(Context context, Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().await(5, TimeUnit.SECONDS);
  }
}
