package dev.xcomponent.adapter.rabbitmq;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the broker. The RabbitMQ Java client blocks (socket writes, RPCs
 * waiting for the server's answer), so every call on a connection or channel runs here, never on
 * an event loop. A single worker runs the tasks one at a time, in the order they were submitted:
 * publications keep their order, and connecting, declaring and consuming never race each other.
 * Each returned future completes on the context of the caller.
 */
final class AmqpIo {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpIo.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final WorkerExecutor worker;

  AmqpIo(Vertx vertx) {
    // A shared executor with a unique name owns its single thread. Connecting may legitimately
    // block for the connect timeout plus the handshake, hence the generous blocked-thread bound.
    this.worker = vertx.createSharedWorkerExecutor(
        "xcomponent-rabbitmq-" + INSTANCES.incrementAndGet(), 1, 2, TimeUnit.MINUTES);
  }

  /** Runs {@code task} after every task submitted before it; fails once the thread is stopped. */
  <T> Future<T> call(Callable<T> task) {
    try {
      // Unordered submission goes straight to the single thread's FIFO queue: global order.
      return worker.executeBlocking(task, false);
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("the RabbitMQ client is closed"));
    }
  }

  /** Runs {@code task} like {@link #call}, logging a failure instead of returning it. */
  void run(String what, Callable<?> task) {
    call(task).onFailure(e -> LOG.debug("RabbitMQ {} failed: {}", what, e.toString()));
  }

  /** Stops the thread; tasks still queued are dropped, so call it after the last one ran. */
  Future<Void> close() {
    return worker.close();
  }
}
