package dev.xcomponent.adapter.http;

import java.util.Objects;

/**
 * What the HTTP API needs to know about its deployment, validated once at construction.
 *
 * @param host interface to bind ({@code 0.0.0.0} listens on every interface, as container users
 *     expect; {@code 127.0.0.1} keeps the API local)
 * @param port TCP port; 0 picks a free one (see {@link HttpApiVerticle#actualPort()})
 * @param maxBodyBytes largest request body accepted; larger bodies get 413
 * @param mode deployment mode reported by {@code /health}, such as {@code monolith}
 * @param brokerDescription broker shown by {@code /health}, already free of secrets
 * @param database whether a persistent event store is configured
 * @param maxListLimit largest {@code limit} honoured by instance listings
 * @param webSocket limits of the live-update WebSocket
 * @param access the bearer tokens of the API (see {@link AccessTokens}); null means open
 */
public record HttpSettings(
    String host,
    int port,
    long maxBodyBytes,
    String mode,
    String brokerDescription,
    boolean database,
    int maxListLimit,
    WebSocketSettings webSocket,
    AccessTokens access) {

  /** Default port, the one of the reference implementation. */
  public static final int DEFAULT_PORT = 3000;

  /** Default body limit: 256 KiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 256L * 1024;

  /** Default cap on listing sizes. */
  public static final int DEFAULT_MAX_LIST_LIMIT = 1000;

  /** Rejects values that cannot work, naming the field. */
  public HttpSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
    }
    if (maxListLimit < 1) {
      throw new IllegalArgumentException("maxListLimit must be positive, got " + maxListLimit);
    }
    mode = mode == null ? "monolith" : mode;
    brokerDescription = brokerDescription == null ? "memory" : brokerDescription;
    webSocket = webSocket == null ? WebSocketSettings.defaults() : webSocket;
    access = access == null ? AccessTokens.OPEN : access;
  }

  /** Settings with open access. */
  public HttpSettings(
      String host,
      int port,
      long maxBodyBytes,
      String mode,
      String brokerDescription,
      boolean database,
      int maxListLimit,
      WebSocketSettings webSocket) {
    this(host, port, maxBodyBytes, mode, brokerDescription, database, maxListLimit, webSocket, AccessTokens.OPEN);
  }

  /** The same settings guarded by {@code tokens}. */
  public HttpSettings withAccess(AccessTokens tokens) {
    return new HttpSettings(host, port, maxBodyBytes, mode, brokerDescription, database, maxListLimit, webSocket, tokens);
  }

  /** Settings with the default WebSocket limits. */
  public HttpSettings(
      String host,
      int port,
      long maxBodyBytes,
      String mode,
      String brokerDescription,
      boolean database,
      int maxListLimit) {
    this(
        host,
        port,
        maxBodyBytes,
        mode,
        brokerDescription,
        database,
        maxListLimit,
        WebSocketSettings.defaults());
  }

  /** Every default: {@code 0.0.0.0:3000}, 256 KiB bodies, monolith, memory broker, no database. */
  public static HttpSettings defaults() {
    return new HttpSettings(
        "0.0.0.0",
        DEFAULT_PORT,
        DEFAULT_MAX_BODY_BYTES,
        "monolith",
        "memory",
        false,
        DEFAULT_MAX_LIST_LIMIT);
  }

  /** A copy bound to {@code newHost} and {@code newPort}. */
  public HttpSettings withAddress(String newHost, int newPort) {
    return new HttpSettings(
        newHost, newPort, maxBodyBytes, mode, brokerDescription, database, maxListLimit, webSocket, access);
  }

  /** A copy with another body limit. */
  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(
        host, port, bytes, mode, brokerDescription, database, maxListLimit, webSocket, access);
  }

  /** A copy with another listing cap. */
  public HttpSettings withMaxListLimit(int limit) {
    return new HttpSettings(
        host, port, maxBodyBytes, mode, brokerDescription, database, limit, webSocket, access);
  }

  /** A copy with other WebSocket limits. */
  public HttpSettings withWebSocket(WebSocketSettings limits) {
    return new HttpSettings(
        host, port, maxBodyBytes, mode, brokerDescription, database, maxListLimit, limits, access);
  }

  /** A copy reporting whether a persistent store is configured. */
  public HttpSettings withDatabase(boolean configured) {
    return new HttpSettings(
        host, port, maxBodyBytes, mode, brokerDescription, configured, maxListLimit, webSocket, access);
  }
}
