package dev.xcomponent.application;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work on an owning context and hands the result back on the caller's context, so state
 * confined to a partition is only touched by its own thread and callers never see their callbacks
 * run on a foreign event loop.
 */
final class ContextHops {
  private ContextHops() {}

  /** Runs {@code work} on {@code owner}: inline when already there, else scheduled. */
  static <T> Future<T> on(Context owner, Supplier<Future<T>> work) {
    Context caller = Vertx.currentContext();
    if (caller == owner) {
      return call(work);
    }
    return hop(owner, caller, work);
  }

  /** Runs {@code work} on {@code owner} after what is already scheduled there, never inline. */
  static <T> Future<T> later(Context owner, Supplier<Future<T>> work) {
    return hop(owner, Vertx.currentContext(), work);
  }

  private static <T> Future<T> hop(Context owner, Context caller, Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    owner.runOnContext(
        v ->
            call(work)
                .onComplete(
                    ar -> {
                      if (caller == null || caller == owner) {
                        promise.handle(ar);
                      } else {
                        caller.runOnContext(x -> promise.handle(ar));
                      }
                    }));
    return promise.future();
  }

  private static <T> Future<T> call(Supplier<Future<T>> work) {
    try {
      Future<T> f = work.get();
      return f == null ? Future.failedFuture("internal error: no result") : f;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
