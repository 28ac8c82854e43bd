package dev.xcomponent.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis store lives and how hard it may be pushed, validated once at construction.
 *
 * <p>The URL has the form {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://…}
 * for TLS (the server certificate and host name are checked). User and password are
 * percent-decoded; a query string is refused, so that nothing is configured twice. The password
 * never leaves this class in clear: {@link #describe()} and {@link #toString()} mask it.
 *
 * <p>Every limit is finite: a full pool queue, an unreachable server or an unanswered command fail
 * the call quickly instead of piling work up.
 *
 * @param url the {@code REDIS_URL}
 * @param keyPrefix first segment of every key ({@code fsm} by default, as in the reference)
 * @param maxPoolSize connections opened at most; each carries one command at a time
 * @param maxPoolWaiting commands waiting for a free connection at most; beyond, a call fails
 * @param maxWaitingHandlers replies a single connection may wait for at most
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long a command may wait for its reply (queueing included); a command
 *     that times out may still have been carried out
 * @param idempotencyKeyTtl how long idempotency keys are remembered; zero keeps them forever
 */
public record RedisStoreSettings(
    String url,
    String keyPrefix,
    int maxPoolSize,
    int maxPoolWaiting,
    int maxWaitingHandlers,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration idempotencyKeyTtl) {

  /** The key prefix of the reference implementation. */
  public static final String DEFAULT_PREFIX = "fsm";
  /** Default number of pooled connections. */
  public static final int DEFAULT_MAX_POOL_SIZE = 8;
  /** Default bound of the pool's wait queue. */
  public static final int DEFAULT_MAX_POOL_WAITING = 1024;
  /** Default bound of the replies awaited on one connection (the Vert.x default). */
  public static final int DEFAULT_MAX_WAITING_HANDLERS = 2048;
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Default command timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private static final int DEFAULT_PORT = 6379;
  private static final String FORM = "redis://[[user]:password@]host[:port][/db] or rediss://…";

  /** Rejects values that cannot work, naming the field and never echoing the password. */
  public RedisStoreSettings {
    Objects.requireNonNull(url, "url");
    parse(url);
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (keyPrefix.isEmpty() || !keyPrefix.chars().allMatch(RedisStoreSettings::prefixChar)) {
      throw new IllegalArgumentException(
          "keyPrefix must be non-empty letters, digits, '-', '_', '.' or ':', got '" + keyPrefix + "'");
    }
    positive("maxPoolSize", maxPoolSize);
    positive("maxPoolWaiting", maxPoolWaiting);
    positive("maxWaitingHandlers", maxWaitingHandlers);
    positive("connectTimeout", connectTimeout);
    positive("requestTimeout", requestTimeout);
    Objects.requireNonNull(idempotencyKeyTtl, "idempotencyKeyTtl");
    if (idempotencyKeyTtl.isNegative()) {
      throw new IllegalArgumentException("idempotencyKeyTtl must not be negative");
    }
  }

  /** Settings for {@code url} with every other value at its default. */
  public static RedisStoreSettings fromUrl(String url) {
    return new RedisStoreSettings(url, DEFAULT_PREFIX, DEFAULT_MAX_POOL_SIZE, DEFAULT_MAX_POOL_WAITING,
        DEFAULT_MAX_WAITING_HANDLERS, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Duration.ZERO);
  }

  public RedisStoreSettings withKeyPrefix(String prefix) {
    return new RedisStoreSettings(url, prefix, maxPoolSize, maxPoolWaiting, maxWaitingHandlers,
        connectTimeout, requestTimeout, idempotencyKeyTtl);
  }

  public RedisStoreSettings withPool(int maxSize, int maxWaiting) {
    return new RedisStoreSettings(url, keyPrefix, maxSize, maxWaiting, maxWaitingHandlers,
        connectTimeout, requestTimeout, idempotencyKeyTtl);
  }

  public RedisStoreSettings withMaxWaitingHandlers(int max) {
    return new RedisStoreSettings(url, keyPrefix, maxPoolSize, maxPoolWaiting, max,
        connectTimeout, requestTimeout, idempotencyKeyTtl);
  }

  public RedisStoreSettings withTimeouts(Duration connect, Duration request) {
    return new RedisStoreSettings(url, keyPrefix, maxPoolSize, maxPoolWaiting, maxWaitingHandlers,
        connect, request, idempotencyKeyTtl);
  }

  public RedisStoreSettings withIdempotencyKeyTtl(Duration ttl) {
    return new RedisStoreSettings(url, keyPrefix, maxPoolSize, maxPoolWaiting, maxWaitingHandlers,
        connectTimeout, requestTimeout, ttl);
  }

  /** Server host name or address. */
  public String host() {
    return parse(url).host;
  }

  /** Server port (6379 when the URL names none). */
  public int port() {
    return parse(url).port;
  }

  /** Database index (0 when the URL names none). */
  public int database() {
    return parse(url).db;
  }

  /** Whether the connection uses TLS ({@code rediss://}). */
  public boolean tls() {
    return parse(url).tls;
  }

  /** User name, or null. */
  public String user() {
    return parse(url).user;
  }

  /** Password, or null; keep it out of logs. */
  public String password() {
    return parse(url).password;
  }

  /** The URL with the password masked, plus the key prefix: safe for logs and {@code /health}. */
  public String describe() {
    Parts p = parse(url);
    String auth = "";
    if (p.password != null) {
      auth = (p.user == null ? "" : p.user) + ":***@";
    } else if (p.user != null) {
      auth = p.user + "@";
    }
    String host = p.host.contains(":") ? "[" + p.host + "]" : p.host;
    return (p.tls ? "rediss" : "redis") + "://" + auth + host + ":" + p.port + "/" + p.db
        + " (prefix " + keyPrefix + ")";
  }

  @Override
  public String toString() {
    return "RedisStoreSettings[" + describe() + ", maxPoolSize=" + maxPoolSize
        + ", maxPoolWaiting=" + maxPoolWaiting + ", maxWaitingHandlers=" + maxWaitingHandlers
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", idempotencyKeyTtl=" + idempotencyKeyTtl + "]";
  }

  private record Parts(boolean tls, String host, int port, int db, String user, String password) {}

  private static Parts parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      // the message of URISyntaxException quotes the input, password included: leave it out
      throw new IllegalArgumentException("REDIS_URL is not a valid URL; expected " + FORM
          + " (percent-encode special characters of the password)");
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://; expected " + FORM);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("REDIS_URL names no host; expected " + FORM);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "REDIS_URL must not have a query or fragment: put the password before '@' and the database in the path");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("REDIS_URL port must be between 1 and 65535, got " + port);
    }
    int db = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !"/".equals(path)) {
      String digits = path.substring(1);
      if (!digits.matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException("REDIS_URL database must be a number such as /0, got '" + path + "'");
      }
      db = Integer.parseInt(digits);
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      if (colon < 0) {
        user = decode(info);
      } else {
        user = colon == 0 ? null : decode(info.substring(0, colon));
        password = decode(info.substring(colon + 1));
      }
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Parts("rediss".equals(scheme), host, port, db, user, password);
  }

  private static String decode(String raw) {
    try {
      // '+' is literal in user info, unlike in form data
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // the decoder's message quotes the input: leave it out
      throw new IllegalArgumentException("REDIS_URL has a malformed %-escape in its user or password");
    }
  }

  private static boolean prefixChar(int c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':';
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
