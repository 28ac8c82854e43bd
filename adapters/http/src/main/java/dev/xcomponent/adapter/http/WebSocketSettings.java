package dev.xcomponent.adapter.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Limits of the live-update WebSocket {@code /ws}, all explicit so that nothing is unbounded.
 *
 * @param maxSockets most sockets open at once in the process (across every HTTP verticle); further
 *     handshakes get 503
 * @param maxFrameBytes largest frame a client may send (the server closes with 1009 beyond it)
 * @param maxMessageBytes largest message a client may send, frames put together
 * @param writeQueueBytes bytes queued for one client before it counts as too slow and is dropped
 * @param allowedOrigins browser origins accepted besides the page's own host, written as {@code
 *     scheme://host[:port]}; a handshake from any other origin gets 403
 * @param initialInstances instances of each component sent to a client when it connects
 */
public record WebSocketSettings(
    int maxSockets,
    int maxFrameBytes,
    int maxMessageBytes,
    int writeQueueBytes,
    List<String> allowedOrigins,
    int initialInstances) {

  /** Rejects values that cannot work, naming the field; origins are kept in lower case. */
  public WebSocketSettings {
    positive("maxSockets", maxSockets);
    positive("maxFrameBytes", maxFrameBytes);
    positive("maxMessageBytes", maxMessageBytes);
    positive("writeQueueBytes", writeQueueBytes);
    positive("initialInstances", initialInstances);
    if (maxMessageBytes < maxFrameBytes) {
      throw new IllegalArgumentException("maxMessageBytes must be at least maxFrameBytes");
    }
    allowedOrigins =
        Objects.requireNonNull(allowedOrigins, "allowedOrigins").stream()
            .map(o -> stripSlash(o.trim().toLowerCase(Locale.ROOT)))
            .toList();
  }

  /** 1000 sockets, 16 KiB frames, 64 KiB messages, 1 MiB per client, same host only, 200. */
  public static WebSocketSettings defaults() {
    return new WebSocketSettings(1000, 16 * 1024, 64 * 1024, 1024 * 1024, List.of(), 200);
  }

  /** A copy accepting these extra origins. */
  public WebSocketSettings withAllowedOrigins(List<String> origins) {
    return new WebSocketSettings(
        maxSockets, maxFrameBytes, maxMessageBytes, writeQueueBytes, origins, initialInstances);
  }

  /** A copy with another socket cap. */
  public WebSocketSettings withMaxSockets(int max) {
    return new WebSocketSettings(
        max, maxFrameBytes, maxMessageBytes, writeQueueBytes, allowedOrigins, initialInstances);
  }

  /** A copy with another per-client queue size. */
  public WebSocketSettings withWriteQueueBytes(int bytes) {
    return new WebSocketSettings(
        maxSockets, maxFrameBytes, maxMessageBytes, bytes, allowedOrigins, initialInstances);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
