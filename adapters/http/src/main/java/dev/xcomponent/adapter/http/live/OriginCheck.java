package dev.xcomponent.adapter.http.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a WebSocket handshake may proceed given its {@code Origin} header: browsers
 * always send one, so a page of another site cannot ride on the user's network position (Cross-Site
 * WebSocket Hijacking). Accepted: no header at all (not a browser), an origin whose host and port
 * are those the request was sent to, and the origins of the allow-list. Refused: anything else,
 * including the opaque origin {@code null} and malformed values. Pure.
 */
final class OriginCheck {
  private OriginCheck() {}

  /**
   * True when {@code origin} (nullable header) may open a socket on a request addressed to {@code
   * hostHeader} (nullable) over {@code requestScheme}, given the {@code allowed} origins (lower
   * case, no trailing slash).
   */
  static boolean allowed(
      String origin, String hostHeader, String requestScheme, List<String> allowed) {
    if (origin == null) {
      return true;
    }
    String normalized = origin.trim().toLowerCase(Locale.ROOT);
    if (allowed.contains(normalized)) {
      return true;
    }
    URI uri;
    try {
      uri = new URI(normalized);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      return false;
    }
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String originAuthority = uri.getHost() + ":" + portOr(uri.getPort(), scheme);
    return originAuthority.equals(authority(hostHeader, requestScheme));
  }

  /** {@code host:port} of a Host header, with the scheme's default port when it has none. */
  private static String authority(String hostHeader, String scheme) {
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    boolean hasPort = colon > 0 && colon > h.lastIndexOf(']');
    if (hasPort) {
      return h;
    }
    return h + ":" + portOr(-1, scheme == null ? "http" : scheme);
  }

  private static int portOr(int port, String scheme) {
    if (port > 0) {
      return port;
    }
    return "https".equals(scheme) || "wss".equals(scheme) ? 443 : 80;
  }
}
