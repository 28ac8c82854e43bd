package dev.xcomponent.adapter.http.live;

import dev.xcomponent.application.ComponentJson;
import dev.xcomponent.adapter.http.ApiException;
import dev.xcomponent.adapter.http.Views;
import dev.xcomponent.adapter.http.WebSocketSettings;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.InstanceQuery;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of {@code /ws} owned by one HTTP verticle, used only on that verticle's event loop.
 *
 * <p>The handshake is checked before the upgrade: a foreign {@code Origin} gets 403 {@code
 * ORIGIN_NOT_ALLOWED}, a full process 503 {@code TOO_MANY_CONNECTIONS}, a plain request 400. A new
 * client first receives {@code components_list} (every component definition) and then one {@code
 * instances_update} per component (its first instances, up to the configured number). After that it
 * receives what {@link LiveUpdates} publishes. A client whose write queue is full when a message
 * comes is closed with 1013 (try again later) rather than buffered without bound; what it sends is
 * ignored.
 */
public final class LiveSockets implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSockets.class);

  /** Close code sent to a client that does not keep up. */
  public static final short TOO_SLOW = 1013;

  private final ComponentRegistry registry;
  private final LiveUpdates hub;
  private final WebSocketSettings settings;
  private final Set<ServerWebSocket> open = new LinkedHashSet<>();

  /** Sockets of one verticle, counted against {@code hub}'s process-wide cap. */
  public LiveSockets(ComponentRegistry registry, LiveUpdates hub, WebSocketSettings settings) {
    this.registry = registry;
    this.hub = hub;
    this.settings = settings;
  }

  /** Checks and upgrades a {@code GET /ws} request. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!OriginCheck.allowed(
        request.getHeader("Origin"),
        request.getHeader("Host"),
        request.scheme(),
        settings.allowedOrigins())) {
      throw new ApiException(403, "ORIGIN_NOT_ALLOWED", "WebSocket origin not allowed");
    }
    if (!request.canUpgradeToWebSocket()) {
      throw ApiException.invalid("Expected a WebSocket upgrade request");
    }
    if (!hub.tryOpen(settings.maxSockets())) {
      throw new ApiException(
          503, "TOO_MANY_CONNECTIONS", "Too many live connections, try again later");
    }
    request
        .toWebSocket()
        .onSuccess(this::accept)
        .onFailure(
            err -> {
              hub.closed();
              LOG.debug("WebSocket handshake failed: {}", err.getMessage());
            });
  }

  /** Sends {@code text} to every socket, dropping those that cannot keep up. */
  public void broadcast(String text) {
    if (open.isEmpty()) {
      return;
    }
    for (ServerWebSocket ws : new ArrayList<>(open)) {
      if (ws.writeQueueFull()) {
        drop(ws);
      } else {
        ws.writeTextMessage(text);
      }
    }
  }

  /** The sockets this verticle holds. */
  public int size() {
    return open.size();
  }

  /** Closes every socket (the verticle stops). */
  public void closeAll() {
    for (ServerWebSocket ws : new ArrayList<>(open)) {
      ws.close((short) 1001, "server stopping");
    }
  }

  private void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(settings.writeQueueBytes());
    open.add(ws);
    ws.closeHandler(v -> forget(ws));
    ws.exceptionHandler(err -> failed(ws, err));
    ws.handler(ignored -> {});
    for (String message : greeting()) {
      ws.writeTextMessage(message);
    }
  }

  /** A frame over the limits (or otherwise malformed) closes with its status, such as 1009. */
  private void failed(ServerWebSocket ws, Throwable err) {
    if (err instanceof CorruptedWebSocketFrameException bad && !ws.isClosed()) {
      forget(ws);
      ws.close((short) bad.closeStatus().code(), bad.closeStatus().reasonText());
    } else {
      LOG.debug("WebSocket error: {}", err.getMessage());
    }
  }

  private void drop(ServerWebSocket ws) {
    LOG.info("closing a live-update client that does not keep up ({})", ws.remoteAddress());
    forget(ws);
    ws.close(TOO_SLOW, "too slow");
  }

  private void forget(ServerWebSocket ws) {
    if (open.remove(ws)) {
      hub.closed();
    }
  }

  /** {@code components_list}, then one {@code instances_update} per component. */
  List<String> greeting() {
    long now = System.currentTimeMillis();
    List<String> messages = new ArrayList<>();
    List<Component> components = registry.components();
    messages.add(
        LiveUpdates.envelope(
                "components_list",
                null,
                new JsonObject()
                    .put("components", Views.array(components, ComponentJson::component)),
                now)
            .encode());
    for (Component c : components) {
      InstanceQuery query =
          new InstanceQuery(c.name(), null, null, null, settings.initialInstances());
      JsonObject data =
          new JsonObject()
              .put("componentName", c.name())
              .put("instances", Views.array(registry.listInstances(query), Views::instance));
      messages.add(LiveUpdates.envelope("instances_update", c.name(), data, now).encode());
    }
    return messages;
  }
}
