package dev.xcomponent.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A test TCP proxy in front of a server. It can be cut (port shut, every connection closed, as in
 * a crash), restored, frozen (connections stay open but nothing passes, as in a hung server or a
 * black-holed network) and thawed (what was held back passes).
 */
final class TcpProxy {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Runnable> held = new ArrayList<>();
  private volatile boolean frozen;
  private NetServer server;
  private int port;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Listens on {@code port} (0: any free port) and returns the port. */
  int start(int port) throws Exception {
    server = vertx.createNetServer().connectHandler(in -> {
      in.pause();
      sockets.add(in);
      client.connect(targetPort, targetHost).onComplete(ar -> {
        if (ar.failed()) {
          in.close();
          return;
        }
        NetSocket out = ar.result();
        sockets.add(out);
        forward(in, out);
        forward(out, in);
        in.resume();
      });
    });
    this.port = server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    return this.port;
  }

  private void forward(NetSocket from, NetSocket to) {
    from.handler(buffer -> pass(() -> to.write(buffer)));
    from.closeHandler(v -> pass(to::close));
  }

  private void pass(Runnable r) {
    synchronized (held) {
      if (frozen) {
        held.add(r);
        return;
      }
    }
    r.run();
  }

  void cut() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    Future.join(sockets.stream().map(NetSocket::close).toList()).await(10, TimeUnit.SECONDS);
    sockets.clear();
  }

  void restore() throws Exception {
    start(port);
  }

  void freeze() {
    synchronized (held) {
      frozen = true;
    }
  }

  void thaw() {
    List<Runnable> release;
    synchronized (held) {
      frozen = false;
      release = new ArrayList<>(held);
      held.clear();
    }
    vertx.runOnContext(v -> release.forEach(Runnable::run));
  }

  void close() throws Exception {
    thaw();
    cut();
    client.close().await(10, TimeUnit.SECONDS);
  }
}
