package dev.xcomponent.adapter.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds the security headers to every response just before they are sent: {@code
 * X-Content-Type-Options: nosniff} always, and for HTML a content security policy that allows only
 * same-origin resources. No CORS header is ever added: the API is same-origin by default.
 */
final class SecurityHeaders implements io.vertx.core.Handler<RoutingContext> {
  /** The policy sent with HTML pages. */
  static final String CSP = "default-src 'self'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(
        v -> {
          MultiMap headers = ctx.response().headers();
          headers.set("X-Content-Type-Options", "nosniff");
          String type = headers.get("Content-Type");
          if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            headers.set("Content-Security-Policy", CSP);
          }
        });
    ctx.next();
  }
}
