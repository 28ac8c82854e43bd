package dev.xcomponent.adapter.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Writes JSON answers, and brings asynchronous results back to the context that received the
 * request: the registry may complete its futures on its own event loop, and the routing context is
 * only touched from the request's one.
 */
final class Replies {
  private Replies() {}

  /** Answers {@code status} with {@code body}. */
  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    ctx.response().end(body.encode());
  }

  /** Answers 200 with {@code body}. */
  static void ok(RoutingContext ctx, JsonObject body) {
    json(ctx, 200, body);
  }

  /**
   * Answers {@code status} with {@code mapper} applied to the result of {@code future}, or hands
   * its failure (or the mapper's) to the failure handler.
   */
  static <T> void later(
      RoutingContext ctx, Future<T> future, int status, Function<T, JsonObject> mapper) {
    Context home = Vertx.currentContext();
    future.onComplete(
        ar -> {
          Runnable reply =
              () -> {
                if (ar.failed()) {
                  ctx.fail(ar.cause());
                  return;
                }
                JsonObject body;
                try {
                  body = mapper.apply(ar.result());
                } catch (RuntimeException e) {
                  ctx.fail(e);
                  return;
                }
                json(ctx, status, body);
              };
          if (home == null || Vertx.currentContext() == home) {
            reply.run();
          } else {
            home.runOnContext(v -> reply.run());
          }
        });
  }
}
