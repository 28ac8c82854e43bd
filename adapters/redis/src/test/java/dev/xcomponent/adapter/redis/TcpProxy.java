package dev.xcomponent.adapter.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of the test Redis, to play a server that goes away, comes back or
 * stalls. Stalling stops reading in both directions: bytes wait in the socket buffers and flow
 * again on {@link #resume()}, as with a frozen server or a congested network.
 */
final class TcpProxy {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean stalled;
  private NetServer server;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Listens on {@code port} (0 for any free port); returns the port. */
  Future<Integer> start(int port) {
    server = vertx.createNetServer().connectHandler(this::forward);
    return server.listen(port, "127.0.0.1").map(NetServer::actualPort);
  }

  /** Closes the listening socket and every forwarded connection. */
  Future<Void> stop() {
    sockets.forEach(NetSocket::close);
    sockets.clear();
    return server.close();
  }

  void stall() {
    stalled = true;
    sockets.forEach(NetSocket::pause);
  }

  void resume() {
    stalled = false;
    sockets.forEach(NetSocket::resume);
  }

  private void forward(NetSocket in) {
    in.pause();
    sockets.add(in);
    client.connect(targetPort, targetHost).onComplete(ar -> {
      if (ar.failed()) {
        in.close();
        return;
      }
      NetSocket out = ar.result();
      sockets.add(out);
      in.handler(out::write);
      out.handler(in::write);
      in.closeHandler(v -> out.close());
      out.closeHandler(v -> in.close());
      if (stalled) {
        out.pause();
      } else {
        in.resume();
      }
    });
  }
}
