package dev.xcomponent.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** The Vert.x of a benchmark, on the transport the app runs on (epoll on Linux, see the app's ProcessVertx). */
public final class BenchVertx {
  private BenchVertx() {}

  public static Vertx create() {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(!Boolean.getBoolean("nio")));
    System.out.println("I/O transport: " + (vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO"));
    return vertx;
  }
}
