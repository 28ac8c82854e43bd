package dev.xcomponent.adapter.http;

import dev.xcomponent.adapter.http.live.LiveSockets;
import dev.xcomponent.adapter.http.live.LiveUpdates;
import dev.xcomponent.port.ComponentRegistry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a process: REST API, {@code /health}, the live-update WebSocket {@code /ws}
 * and the static dashboard, on the host and port of its {@link HttpSettings}. Deployment completes
 * once the server listens, and fails if it cannot (port taken, bad host).
 *
 * <p>Several instances may serve the same port (one per core). They share one {@link LiveUpdates}
 * hub per registry, found in the Vert.x shared data; each keeps its own sockets and receives the
 * hub's messages through a local event-bus consumer.
 */
public final class HttpApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);

  private final ComponentRegistry registry;
  private final HttpSettings settings;
  private final MetricsEndpoint metrics;
  private volatile HttpServer server;
  private LiveSockets sockets;
  private MessageConsumer<String> updates;

  /** A verticle serving {@code registry}. */
  public HttpApiVerticle(ComponentRegistry registry, HttpSettings settings) {
    this(registry, settings, null);
  }

  /** A verticle serving {@code registry}, and {@code metrics} (nullable) at {@code GET /metrics}. */
  public HttpApiVerticle(ComponentRegistry registry, HttpSettings settings, MetricsEndpoint metrics) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    WebSocketSettings ws = settings.webSocket();
    HttpServer created =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxWebSocketFrameSize(ws.maxFrameBytes())
                .setMaxWebSocketMessageSize(ws.maxMessageBytes()));
    sockets = new LiveSockets(registry, LiveUpdates.shared(vertx, registry), ws);
    updates = vertx.eventBus().localConsumer(LiveUpdates.ADDRESS, m -> sockets.broadcast(m.body()));
    created.requestHandler(ApiRouter.create(vertx, registry, settings, sockets, metrics));
    return created
        .listen()
        .onSuccess(
            s -> {
              server = s;
              LOG.info("HTTP API listening on {}:{}", settings.host(), s.actualPort());
            });
  }

  @Override
  public Future<?> stop() {
    if (sockets != null) {
      sockets.closeAll();
    }
    Future<Void> unregistered = updates == null ? Future.succeededFuture() : updates.unregister();
    HttpServer s = server;
    return s == null ? unregistered : Future.join(unregistered, s.close());
  }

  /** The port the server listens on (useful with port 0); -1 before it started. */
  public int actualPort() {
    HttpServer s = server;
    return s == null ? -1 : s.actualPort();
  }

  /** The settings this verticle serves with. */
  public HttpSettings settings() {
    return settings;
  }
}
