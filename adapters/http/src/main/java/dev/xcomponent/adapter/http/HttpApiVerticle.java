package dev.xcomponent.adapter.http;

import dev.xcomponent.port.ComponentRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a process: REST API, {@code /health} and the static dashboard, on the host and
 * port of its {@link HttpSettings}. Deployment completes once the server listens, and fails if it
 * cannot (port taken, bad host).
 */
public final class HttpApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);

  private final ComponentRegistry registry;
  private final HttpSettings settings;
  private volatile HttpServer server;

  /** A verticle serving {@code registry}. */
  public HttpApiVerticle(ComponentRegistry registry, HttpSettings settings) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Future<?> start() {
    HttpServer created =
        vertx.createHttpServer(
            new HttpServerOptions().setHost(settings.host()).setPort(settings.port()));
    created.requestHandler(ApiRouter.create(vertx, registry, settings));
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
    HttpServer s = server;
    return s == null ? Future.succeededFuture() : s.close();
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
