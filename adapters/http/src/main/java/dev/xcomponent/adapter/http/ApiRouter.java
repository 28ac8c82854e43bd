package dev.xcomponent.adapter.http;

import dev.xcomponent.port.ComponentRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Assembles the one router of the HTTP edge, in this order: security headers, the body reader
 * (bounded, no file uploads), the failure handler, the bearer-token check, the API routes, {@code
 * GET /metrics} (open, like {@code /health}), a JSON 404 for any other {@code GET /api} path, the
 * redirect of {@code /} to the dashboard, and the static files of the classpath folder {@code
 * webroot/}. Unmatched requests get the router's 404 or 405, written as JSON too.
 */
public final class ApiRouter {
  /** The classpath folder of the static dashboard. */
  public static final String WEBROOT = "webroot";

  /** Where {@code GET /} sends browsers. */
  public static final String DASHBOARD_PAGE = "/dashboard.html";

  private ApiRouter() {}

  /** A router serving {@code registry} with {@code settings}, without the WebSocket. */
  public static Router create(Vertx vertx, ComponentRegistry registry, HttpSettings settings) {
    return create(vertx, registry, settings, null);
  }

  /**
   * A router serving {@code registry} with {@code settings}; {@code webSocket} (nullable) handles
   * {@code GET /ws}.
   */
  public static Router create(
      Vertx vertx,
      ComponentRegistry registry,
      HttpSettings settings,
      Handler<RoutingContext> webSocket) {
    return create(vertx, registry, settings, webSocket, null);
  }

  /**
   * As {@link #create(Vertx, ComponentRegistry, HttpSettings, Handler)}; {@code metrics}
   * (nullable: {@code GET /metrics} then answers 404) serves {@code GET /metrics}.
   */
  public static Router create(
      Vertx vertx,
      ComponentRegistry registry,
      HttpSettings settings,
      Handler<RoutingContext> webSocket,
      MetricsEndpoint metrics) {
    Router router = Router.router(vertx);
    ErrorMapper errors = new ErrorMapper(settings.maxBodyBytes());

    router.route().handler(new SecurityHeaders());
    router.route().handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
    router.route().failureHandler(errors);
    router.route().handler(new BearerAuth(settings.access()));

    new SystemRoutes(registry, settings).mount(router);
    new ComponentRoutes(registry).mount(router);
    new InstanceRoutes(registry, settings).mount(router);
    new DiagramRoutes(registry).mount(router);
    new SvgRoutes(registry).mount(router);
    new HistoryRoutes(registry).mount(router);
    new OpenApiRoute().mount(router);
    router.get("/metrics").handler(ctx -> {
      if (metrics == null) {
        ctx.fail(404);
        return;
      }
      metrics.scrape().onComplete(text -> ctx.response().putHeader("Content-Type", metrics.contentType()).end(text),
          ctx::fail);
    });
    if (webSocket != null) {
      router.get("/ws").handler(webSocket);
    }
    // API paths never reach the file system; other methods fall to the router's 404/405.
    router.get("/api/*").handler(ctx -> ctx.fail(404));

    router.get("/").handler(ctx -> ctx.redirect(DASHBOARD_PAGE));
    router
        .route("/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(StaticHandler.create(WEBROOT));

    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, errors);
    }
    return router;
  }
}
