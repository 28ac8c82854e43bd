package dev.xcomponent.application;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Gives a partition its own event-loop context: one deployed instance per partition. */
final class PartitionVerticle extends VerticleBase {
  Context partitionContext() {
    return context;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
