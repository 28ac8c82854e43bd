package dev.xcomponent.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The Vert.x of a benchmark, on the transport the app runs on (epoll on Linux, see the app's
 * ProcessVertx), with Vert.x's default number of event loops unless {@code -Dloops=N} says
 * otherwise. It prints the transport, the event loops and the JVM's heap settings, which the
 * figures depend on.
 */
public final class BenchVertx {
  private BenchVertx() {}

  public static Vertx create() {
    VertxOptions options = new VertxOptions().setPreferNativeTransport(!Boolean.getBoolean("nio"));
    int loops = Integer.getInteger("loops", options.getEventLoopPoolSize());
    Vertx vertx = Vertx.vertx(options.setEventLoopPoolSize(loops));
    System.out.println("I/O transport: " + (vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO") + ", "
        + loops + " event loops");
    System.out.println(BenchJvm.describe());
    return vertx;
  }
}
