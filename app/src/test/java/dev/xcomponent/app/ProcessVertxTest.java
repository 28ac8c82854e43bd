package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app ships the epoll library for the Linux machines it runs on (ADR 0010). */
class ProcessVertxTest {

  @Test
  void onLinuxTheProcessRunsOnTheNativeTransport() throws Exception {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    Vertx vertx = ProcessVertx.create();
    try {
      if (os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"))) {
        assertThat(vertx.isNativeTransportEnabled())
            .as("epoll on %s/%s (cause if not: %s)", os, arch, vertx.unavailableNativeTransportCause())
            .isTrue();
      } else {
        // elsewhere the same Vert.x runs on NIO, and says why
        assertThat(vertx.isNativeTransportEnabled()).isFalse();
        assertThat(vertx.unavailableNativeTransportCause()).isNotNull();
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withOneEventLoopEveryVerticleRunsOnTheSameThread() throws Exception {
    Vertx vertx = ProcessVertx.create(new EventLoops(1));
    try {
      java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 4; i++) {
        vertx.deployVerticle(new io.vertx.core.VerticleBase() {
          @Override
          public io.vertx.core.Future<?> start() throws Exception {
            threads.add(Thread.currentThread());
            return super.start();
          }
        }).await(10, TimeUnit.SECONDS);
      }
      assertThat(threads).hasSize(1);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
