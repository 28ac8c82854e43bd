package dev.xcomponent.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the bearer token of {@code /api} requests and of the WebSocket handshake ({@code /ws})
 * when {@link AccessTokens#required()}: {@code Authorization: Bearer <token>}, or for the
 * WebSocket and the SVG diagrams (which browsers load without custom headers) the query parameter
 * {@code access_token}. A missing
 * or unknown token gets 401 {@code UNAUTHORIZED} with {@code WWW-Authenticate: Bearer}; a viewer
 * token on anything but GET or HEAD gets 403 {@code FORBIDDEN}. The page, its assets, {@code
 * /health}, {@code /metrics} (for Prometheus scrapers) and {@code /openapi.json} stay open.
 */
final class BearerAuth implements Handler<RoutingContext> {
  private final AccessTokens tokens;

  BearerAuth(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    boolean guarded = path.startsWith("/api/") || path.equals("/api") || path.equals("/ws");
    if (!tokens.required() || !guarded) {
      ctx.next();
      return;
    }
    boolean queryAllowed = path.equals("/ws")
        || (ctx.request().method() == HttpMethod.GET && path.endsWith(".svg"));
    AccessTokens.Access access = tokens.check(presented(ctx, queryAllowed));
    if (access == AccessTokens.Access.NONE) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"xcomponent\"");
      ctx.fail(new ApiException(401, "UNAUTHORIZED",
          "A valid token is required: send 'Authorization: Bearer <token>' (the API_TOKEN or API_VIEWER_TOKEN of the server)"));
      return;
    }
    HttpMethod method = ctx.request().method();
    if (access == AccessTokens.Access.VIEWER && method != HttpMethod.GET && method != HttpMethod.HEAD) {
      ctx.fail(new ApiException(403, "FORBIDDEN", "This token may only read: creating instances and sending events need the operator token"));
      return;
    }
    ctx.next();
  }

  private static String presented(RoutingContext ctx, boolean queryAllowed) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return queryAllowed ? ctx.request().getParam("access_token") : null;
  }
}
