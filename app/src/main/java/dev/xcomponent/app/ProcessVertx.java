package dev.xcomponent.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the one Vert.x instance of a process. On Linux it runs on the epoll transport (the
 * native library ships in the jar for x86-64 and ARM64): fewer system calls per read, write and
 * thread wake-up than Java NIO, which is worth 10 to 15 % of persisted transitions per second and
 * a few microseconds per hand-off between event loops. Where the library cannot load (another OS,
 * a musl libc), Vert.x falls back to NIO by itself; the log says which one runs and why. It also
 * logs the heap settings ({@link JvmMemory}).
 */
final class ProcessVertx {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessVertx.class);

  private ProcessVertx() {}

  static Vertx create() {
    return create(EventLoops.defaults());
  }

  /** With {@code loops} event-loop threads. */
  static Vertx create(EventLoops loops) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops.count()));
    if (vertx.isNativeTransportEnabled()) {
      LOG.debug("I/O transport: native (epoll)");
    } else {
      Throwable why = vertx.unavailableNativeTransportCause();
      LOG.info("I/O transport: Java NIO (the native transport is unavailable: {})",
          why == null ? "unknown reason" : why.toString());
    }
    LOG.info(JvmMemory.current().describe());
    return vertx;
  }
}
