package dev.xcomponent.adapter.redis;

import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis pub/sub broker connects and the bounds it keeps, validated once at construction.
 *
 * <p>The URL has the form {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://…}
 * for TLS (server certificate and host name checked against the JVM's trust store). It is parsed
 * by the same rules as {@link RedisStoreSettings}: user and password percent-decoded, no query
 * string. A bad URL is refused with an {@link IllegalArgumentException} that names the problem and
 * the accepted forms and never quotes the password; {@link #describe()} and {@link #toString()}
 * mask it.
 *
 * @param url the broker URL
 * @param keyPrefix start of every key the broker writes (the consumer-group claims), {@code
 *     xcomponent:} by default
 * @param clientName name given to the broker's two connections ({@code <name>-pub}, {@code
 *     <name>-sub}) with {@code CLIENT SETNAME}, so that they can be told apart in {@code CLIENT
 *     LIST}
 * @param claimTtl how long a consumer group remembers which member took a message id; a message
 *     id published again within that time is not handled again by the group
 * @param maxDeliveryAttempts how many times a group member tries one message (first delivery
 *     included) before it logs and drops it
 * @param prefetch unacknowledged deliveries one group member holds at most
 * @param memberQueueLimit messages one group member keeps waiting for a free slot at most; beyond,
 *     it lets them go to the other members of its group (or to nobody)
 * @param maxMessageBytes size of the JSON form of a message at most, both ways
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long a command (PUBLISH, SUBSCRIBE, a claim) may wait for its reply
 */
public record RedisBrokerSettings(
    String url,
    String keyPrefix,
    String clientName,
    Duration claimTtl,
    int maxDeliveryAttempts,
    int prefetch,
    int memberQueueLimit,
    int maxMessageBytes,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Default key prefix. */
  public static final String DEFAULT_PREFIX = "xcomponent:";
  /** Default connection name. */
  public static final String DEFAULT_CLIENT_NAME = "xcomponent-broker";
  /** Default claim lifetime. */
  public static final Duration DEFAULT_CLAIM_TTL = Duration.ofMinutes(10);
  /** Default number of attempts per group delivery. */
  public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
  /** Default bound of a member's unacknowledged deliveries. */
  public static final int DEFAULT_PREFETCH = 100;
  /** Default bound of a member's waiting messages. */
  public static final int DEFAULT_MEMBER_QUEUE_LIMIT = 10_000;
  /** Default bound of a message's JSON size (1 MiB). */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Default command timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** Rejects values that cannot work, naming the field and never echoing the password. */
  public RedisBrokerSettings {
    endpoint(url);
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (keyPrefix.isEmpty() || !keyPrefix.chars().allMatch(RedisBrokerSettings::keyChar)) {
      throw new IllegalArgumentException(
          "keyPrefix must be non-empty letters, digits, '-', '_', '.' or ':', got '" + keyPrefix + "'");
    }
    Objects.requireNonNull(clientName, "clientName");
    if (clientName.isEmpty() || clientName.length() > 100 || !clientName.chars().allMatch(RedisBrokerSettings::nameChar)) {
      throw new IllegalArgumentException(
          "clientName must be 1 to 100 letters, digits, '-', '_' or '.', got '" + clientName + "'");
    }
    positive("claimTtl", claimTtl);
    positive("maxDeliveryAttempts", maxDeliveryAttempts);
    positive("prefetch", prefetch);
    positive("memberQueueLimit", memberQueueLimit);
    positive("maxMessageBytes", maxMessageBytes);
    positive("connectTimeout", connectTimeout);
    positive("requestTimeout", requestTimeout);
  }

  /** Settings for {@code url} with every other value at its default. */
  public static RedisBrokerSettings fromUrl(String url) {
    return new RedisBrokerSettings(url, DEFAULT_PREFIX, DEFAULT_CLIENT_NAME, DEFAULT_CLAIM_TTL,
        DEFAULT_MAX_DELIVERY_ATTEMPTS, DEFAULT_PREFETCH, DEFAULT_MEMBER_QUEUE_LIMIT,
        DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public RedisBrokerSettings withKeyPrefix(String prefix) {
    return new RedisBrokerSettings(url, prefix, clientName, claimTtl, maxDeliveryAttempts, prefetch,
        memberQueueLimit, maxMessageBytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withClientName(String name) {
    return new RedisBrokerSettings(url, keyPrefix, name, claimTtl, maxDeliveryAttempts, prefetch,
        memberQueueLimit, maxMessageBytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withClaimTtl(Duration ttl) {
    return new RedisBrokerSettings(url, keyPrefix, clientName, ttl, maxDeliveryAttempts, prefetch,
        memberQueueLimit, maxMessageBytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withMaxDeliveryAttempts(int attempts) {
    return new RedisBrokerSettings(url, keyPrefix, clientName, claimTtl, attempts, prefetch,
        memberQueueLimit, maxMessageBytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withMemberLimits(int prefetch, int queueLimit) {
    return new RedisBrokerSettings(url, keyPrefix, clientName, claimTtl, maxDeliveryAttempts, prefetch,
        queueLimit, maxMessageBytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withMaxMessageBytes(int bytes) {
    return new RedisBrokerSettings(url, keyPrefix, clientName, claimTtl, maxDeliveryAttempts, prefetch,
        memberQueueLimit, bytes, connectTimeout, requestTimeout);
  }

  public RedisBrokerSettings withTimeouts(Duration connect, Duration request) {
    return new RedisBrokerSettings(url, keyPrefix, clientName, claimTtl, maxDeliveryAttempts, prefetch,
        memberQueueLimit, maxMessageBytes, connect, request);
  }

  /** Server host name or address. */
  public String host() {
    return endpoint(url).host();
  }

  /** Server port (6379 when the URL names none). */
  public int port() {
    return endpoint(url).port();
  }

  /** Database index (0 when the URL names none); pub/sub ignores it, claims live there. */
  public int database() {
    return endpoint(url).database();
  }

  /** Whether the connections use TLS ({@code rediss://}). */
  public boolean tls() {
    return endpoint(url).tls();
  }

  /** User name, or null. */
  public String user() {
    return endpoint(url).user();
  }

  /** Password, or null; keep it out of logs. */
  public String password() {
    return endpoint(url).password();
  }

  /** The URL with the password masked: safe for logs and {@code /health}. */
  public String describe() {
    RedisStoreSettings e = endpoint(url);
    String auth = "";
    if (e.password() != null) {
      auth = (e.user() == null ? "" : e.user()) + ":***@";
    } else if (e.user() != null) {
      auth = e.user() + "@";
    }
    return (e.tls() ? "rediss" : "redis") + "://" + auth + bracketed(e.host()) + ":" + e.port() + "/" + e.database();
  }

  @Override
  public String toString() {
    return "RedisBrokerSettings[" + describe() + ", keyPrefix=" + keyPrefix + ", clientName=" + clientName
        + ", claimTtl=" + claimTtl + ", maxDeliveryAttempts=" + maxDeliveryAttempts + ", prefetch=" + prefetch
        + ", memberQueueLimit=" + memberQueueLimit + ", maxMessageBytes=" + maxMessageBytes
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
  }

  /**
   * Options for one client holding one connection: credentials kept out of the connection string,
   * TLS host name checked, TCP keep-alive on so that a dead peer is noticed.
   */
  RedisOptions redisOptions() {
    RedisStoreSettings e = endpoint(url);
    RedisOptions o = new RedisOptions()
        .setConnectionString((e.tls() ? "rediss" : "redis") + "://" + bracketed(e.host()) + ":" + e.port() + "/" + e.database())
        .setMaxPoolSize(1)
        .setMaxPoolWaiting(1);
    if (e.password() != null) {
      o.setPassword(e.password());
    }
    if (e.user() != null) {
      o.setUser(e.user());
    }
    o.getNetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true)
        .setHostnameVerificationAlgorithm("HTTPS");
    return o;
  }

  /** The URL parsed by the store's rules; its error messages already mask the password. */
  private static RedisStoreSettings endpoint(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "Redis broker URL is missing; expected redis://[[user]:password@]host[:port][/db] or rediss://…");
    }
    try {
      return RedisStoreSettings.fromUrl(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Redis broker URL refused: " + e.getMessage().replace("REDIS_URL", "the URL"));
    }
  }

  private static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static boolean keyChar(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':');
  }

  private static boolean nameChar(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
