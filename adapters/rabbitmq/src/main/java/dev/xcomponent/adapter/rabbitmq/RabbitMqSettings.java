package dev.xcomponent.adapter.rabbitmq;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the RabbitMQ broker lives and how the client treats it, parsed once from a {@code
 * BROKER_URL} and validated at construction.
 *
 * <p>Accepted form: {@code amqp://[user[:password]@]host[:port][/vhost][?prefetch=N&heartbeat=S]},
 * or {@code amqps://…} for TLS (the JVM's trust store checks the server certificate, and the host
 * name is verified). Without a port, 5672 ({@code amqp}) or 5671 ({@code amqps}) is used; without
 * credentials, {@code guest}/{@code guest}; without a path, the default virtual host {@code /}
 * (write another one percent-encoded, e.g. {@code /%2Fprod} for {@code /prod}). User, password and
 * virtual host are percent-decoded ({@code +} stays a plus). Query parameters, anything else is
 * refused:
 *
 * <ul>
 *   <li>{@code prefetch}: unacknowledged deliveries one subscription or group member holds at most
 *       (1 to 65535, default {@value #DEFAULT_PREFETCH})
 *   <li>{@code heartbeat}: seconds between AMQP heartbeats, 0 to disable (default {@value
 *       #DEFAULT_HEARTBEAT_SECONDS}); a dead TCP connection is noticed after about two of them
 * </ul>
 *
 * <p>Every limit is finite: connecting, waiting for a publisher confirm and the number of
 * publications awaiting a confirm are bounded, so an unhealthy broker fails calls instead of
 * piling work up. The password never leaves this record in clear: {@link #describe()} and {@link
 * #toString()} mask it, and no parse error quotes any part of the URL's user information.
 *
 * @param tls whether the connection uses TLS ({@code amqps://})
 * @param host server host name or address (an IPv6 address without brackets)
 * @param port server port
 * @param virtualHost RabbitMQ virtual host
 * @param user user name
 * @param password password (may be empty, never null)
 * @param prefetch unacknowledged deliveries per subscription or group member at most
 * @param heartbeatSeconds AMQP heartbeat interval requested from the server; 0 disables it
 * @param connectTimeout bound on opening the TCP connection and on the AMQP handshake
 * @param publishTimeout how long a publication may wait for the broker's confirm before it fails
 *     (its outcome is then unknown: the broker may still route it)
 * @param redeliveryDelay how long a failed consumer-group delivery is held before it is handed
 *     back to the broker, so that a message that keeps failing does not spin hot
 * @param reconnectInitialDelay delay before the first reconnect attempt; it doubles per failed
 *     attempt
 * @param reconnectMaxDelay cap of the reconnect delay (each delay is then varied by ±20%)
 * @param maxUnconfirmed publications waiting for the broker's confirm at most; beyond, publishing
 *     fails at once
 * @param connectionName name shown in the RabbitMQ management UI and {@code rabbitmqctl
 *     list_connections}
 */
public record RabbitMqSettings(
    boolean tls,
    String host,
    int port,
    String virtualHost,
    String user,
    String password,
    int prefetch,
    int heartbeatSeconds,
    Duration connectTimeout,
    Duration publishTimeout,
    Duration redeliveryDelay,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay,
    int maxUnconfirmed,
    String connectionName) {

  public static final int DEFAULT_PORT = 5672;
  public static final int DEFAULT_TLS_PORT = 5671;
  public static final String DEFAULT_VIRTUAL_HOST = "/";
  public static final String DEFAULT_USER = "guest";
  public static final String DEFAULT_PASSWORD = "guest";
  public static final int DEFAULT_PREFETCH = 64;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REDELIVERY_DELAY = Duration.ofMillis(200);
  public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofMillis(100);
  public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_UNCONFIRMED = 10_000;
  public static final String DEFAULT_CONNECTION_NAME = "xcomponent";

  /** The accepted URL forms, quoted by every parse error. */
  static final String FORMS =
      "amqp://[user[:password]@]host[:port][/vhost][?prefetch=N&heartbeat=S] or amqps://… (TLS)";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,15}");
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_]{1,30}");

  /** Rejects values that cannot work, naming the field and never echoing the password. */
  public RabbitMqSettings {
    require(host != null && !host.isBlank(), "the host is empty");
    require(port > 0 && port < 65536, "the port must be between 1 and 65535, got " + port);
    require(virtualHost != null && !virtualHost.isEmpty(), "the virtual host is empty");
    require(user != null && !user.isEmpty(), "the user name is empty");
    Objects.requireNonNull(password, "password");
    require(prefetch >= 1 && prefetch <= 65535, "prefetch must be between 1 and 65535, got " + prefetch);
    require(heartbeatSeconds >= 0 && heartbeatSeconds <= 65535,
        "heartbeat must be between 0 and 65535 seconds, got " + heartbeatSeconds);
    positive("connectTimeout", connectTimeout);
    require(connectTimeout.toMillis() <= Integer.MAX_VALUE, "connectTimeout is too long");
    positive("publishTimeout", publishTimeout);
    positive("redeliveryDelay", redeliveryDelay);
    positive("reconnectInitialDelay", reconnectInitialDelay);
    positive("reconnectMaxDelay", reconnectMaxDelay);
    require(reconnectMaxDelay.compareTo(reconnectInitialDelay) >= 0,
        "reconnectMaxDelay must not be shorter than reconnectInitialDelay");
    require(maxUnconfirmed >= 1, "maxUnconfirmed must be at least 1, got " + maxUnconfirmed);
    require(connectionName != null && !connectionName.isBlank(), "the connection name is empty");
  }

  /**
   * Parses a {@code BROKER_URL}; every value the URL does not set takes its default.
   *
   * @throws IllegalArgumentException naming what is wrong and the accepted forms, never quoting
   *     the user information of the URL
   */
  public static RabbitMqSettings fromUrl(String url) {
    return UrlParser.parse(url);
  }

  /** The same settings with another prefetch bound. */
  public RabbitMqSettings withPrefetch(int count) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, count, heartbeatSeconds,
        connectTimeout, publishTimeout, redeliveryDelay, reconnectInitialDelay, reconnectMaxDelay,
        maxUnconfirmed, connectionName);
  }

  /** The same settings with another heartbeat interval (0 disables heartbeats). */
  public RabbitMqSettings withHeartbeatSeconds(int seconds) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, seconds,
        connectTimeout, publishTimeout, redeliveryDelay, reconnectInitialDelay, reconnectMaxDelay,
        maxUnconfirmed, connectionName);
  }

  /** The same settings with other connect and publisher-confirm bounds. */
  public RabbitMqSettings withTimeouts(Duration connect, Duration publish) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeatSeconds,
        connect, publish, redeliveryDelay, reconnectInitialDelay, reconnectMaxDelay, maxUnconfirmed,
        connectionName);
  }

  /** The same settings with another delay before a failed group delivery is handed back. */
  public RabbitMqSettings withRedeliveryDelay(Duration delay) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeatSeconds,
        connectTimeout, publishTimeout, delay, reconnectInitialDelay, reconnectMaxDelay, maxUnconfirmed,
        connectionName);
  }

  /** The same settings with another reconnect backoff: first delay, doubling up to {@code max}. */
  public RabbitMqSettings withReconnectBackoff(Duration initial, Duration max) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeatSeconds,
        connectTimeout, publishTimeout, redeliveryDelay, initial, max, maxUnconfirmed, connectionName);
  }

  /** The same settings with another bound on publications awaiting a confirm. */
  public RabbitMqSettings withMaxUnconfirmed(int max) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeatSeconds,
        connectTimeout, publishTimeout, redeliveryDelay, reconnectInitialDelay, reconnectMaxDelay, max,
        connectionName);
  }

  /** The same settings with another client-provided connection name. */
  public RabbitMqSettings withConnectionName(String name) {
    return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeatSeconds,
        connectTimeout, publishTimeout, redeliveryDelay, reconnectInitialDelay, reconnectMaxDelay,
        maxUnconfirmed, name);
  }

  /**
   * The URL with the password masked, for logs, errors and {@code /health}: {@code
   * amqp://guest:***@127.0.0.1:5672/}.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(tls ? "amqps://" : "amqp://").append(UrlParser.encode(user));
    if (!password.isEmpty()) {
      b.append(":***");
    }
    b.append('@').append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port).append('/');
    if (!DEFAULT_VIRTUAL_HOST.equals(virtualHost)) {
      b.append(UrlParser.encode(virtualHost));
    }
    return b.toString();
  }

  /** The masked URL and the tuning values; never the password. */
  @Override
  public String toString() {
    return "RabbitMqSettings[" + describe() + ", prefetch=" + prefetch + ", heartbeatSeconds="
        + heartbeatSeconds + ", connectTimeout=" + connectTimeout + ", publishTimeout=" + publishTimeout
        + ", redeliveryDelay=" + redeliveryDelay + ", reconnect=" + reconnectInitialDelay + ".."
        + reconnectMaxDelay + ", maxUnconfirmed=" + maxUnconfirmed + ", connectionName="
        + connectionName + "]";
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    require(!value.isNegative() && !value.isZero(), name + " must be positive, got " + value);
  }

  static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Turns a URL into settings; kept apart so the record stays about values. */
  private static final class UrlParser {
    private UrlParser() {}

    static RabbitMqSettings parse(String url) {
      check(url != null && !url.isBlank(), "the RabbitMQ URL is empty");
      String text = url.strip();
      int sep = text.indexOf("://");
      check(sep > 0, "the RabbitMQ URL has no scheme");
      String scheme = text.substring(0, sep);
      check(SCHEME.matcher(scheme).matches(), "the RabbitMQ URL has no valid scheme");
      boolean tls;
      if (scheme.equalsIgnoreCase("amqp")) {
        tls = false;
      } else if (scheme.equalsIgnoreCase("amqps")) {
        tls = true;
      } else {
        throw problem("the RabbitMQ URL scheme '" + scheme + "' is not supported");
      }
      String rest = text.substring(sep + 3);

      // The user information ends at the last '@', so a password with an unencoded '/', '?', '#'
      // or '@' still parses; nothing of it is ever quoted in a message.
      String user = DEFAULT_USER;
      String password = DEFAULT_PASSWORD;
      int at = rest.lastIndexOf('@');
      if (at >= 0) {
        String info = rest.substring(0, at);
        rest = rest.substring(at + 1);
        int colon = info.indexOf(':');
        String rawUser = colon >= 0 ? info.substring(0, colon) : info;
        check(!rawUser.isEmpty(), "the RabbitMQ URL has an empty user name before '@'");
        user = decode(rawUser, "user name");
        password = colon >= 0 ? decode(info.substring(colon + 1), "password") : "";
      }
      check(rest.indexOf('#') < 0, "the RabbitMQ URL must not have a fragment ('#')");

      String query = null;
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      int slash = rest.indexOf('/');
      String authority = slash >= 0 ? rest.substring(0, slash) : rest;
      String path = slash >= 0 ? rest.substring(slash + 1) : "";
      check(path.indexOf('/') < 0,
          "the RabbitMQ URL has more than one path segment; percent-encode '/' in the virtual host as %2F");
      String virtualHost = path.isEmpty() ? DEFAULT_VIRTUAL_HOST : decode(path, "virtual host");

      String host;
      String portText = null;
      if (authority.startsWith("[")) {
        int close = authority.indexOf(']');
        check(close > 0, "the RabbitMQ URL has an unclosed '[' around its IPv6 host");
        host = authority.substring(1, close);
        check(IPV6.matcher(host).matches(), "the RabbitMQ URL has an invalid IPv6 host");
        String after = authority.substring(close + 1);
        if (!after.isEmpty()) {
          check(after.startsWith(":"), "the RabbitMQ URL has unexpected text after its IPv6 host");
          portText = after.substring(1);
        }
      } else {
        int colon = authority.indexOf(':');
        host = colon >= 0 ? authority.substring(0, colon) : authority;
        portText = colon >= 0 ? authority.substring(colon + 1) : null;
        check(!host.isEmpty(), "the RabbitMQ URL names no host");
        check(HOST_NAME.matcher(host).matches(),
            "the RabbitMQ URL host has characters a host name cannot have (a list of hosts is not supported)");
      }
      int port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
      if (portText != null) {
        check(portText.matches("[0-9]{1,5}"), "the RabbitMQ URL port is not a number");
        port = Integer.parseInt(portText);
        check(port >= 1 && port <= 65535, "the RabbitMQ URL port must be between 1 and 65535");
      }

      int prefetch = DEFAULT_PREFETCH;
      int heartbeat = DEFAULT_HEARTBEAT_SECONDS;
      boolean prefetchSeen = false;
      boolean heartbeatSeen = false;
      if (query != null && !query.isEmpty()) {
        for (String pair : query.split("&", -1)) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name = eq >= 0 ? pair.substring(0, eq) : pair;
          String value = eq >= 0 ? pair.substring(eq + 1) : "";
          if (name.equals("prefetch")) {
            check(!prefetchSeen, "the RabbitMQ URL parameter prefetch is given twice");
            prefetchSeen = true;
            prefetch = number(value, "prefetch", 1, 65535);
          } else if (name.equals("heartbeat")) {
            check(!heartbeatSeen, "the RabbitMQ URL parameter heartbeat is given twice");
            heartbeatSeen = true;
            heartbeat = number(value, "heartbeat", 0, 65535);
          } else {
            String shown = PARAMETER_NAME.matcher(name).matches() ? "'" + name + "' " : "";
            throw problem("the RabbitMQ URL parameter " + shown + "is not supported (known: prefetch, heartbeat)");
          }
        }
      }
      return new RabbitMqSettings(tls, host, port, virtualHost, user, password, prefetch, heartbeat,
          DEFAULT_CONNECT_TIMEOUT, DEFAULT_PUBLISH_TIMEOUT, DEFAULT_REDELIVERY_DELAY,
          DEFAULT_RECONNECT_INITIAL_DELAY, DEFAULT_RECONNECT_MAX_DELAY, DEFAULT_MAX_UNCONFIRMED,
          DEFAULT_CONNECTION_NAME);
    }

    private static int number(String text, String name, int min, int max) {
      check(text.matches("[0-9]{1,5}") && Integer.parseInt(text) >= min && Integer.parseInt(text) <= max,
          "the RabbitMQ URL parameter " + name + " must be a whole number from " + min + " to " + max);
      return Integer.parseInt(text);
    }

    /** Percent-decoding as in a URL's user information and path: '+' stays a plus. */
    private static String decode(String raw, String what) {
      if (raw.indexOf('%') < 0) {
        return raw;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '%') {
          int hi = i + 1 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
          int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
          check(hi >= 0 && lo >= 0, "the RabbitMQ URL has a malformed %-escape in its " + what);
          out.write(hi * 16 + lo);
          i += 2;
        } else {
          out.write(bytes[i]);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but unreserved characters, for {@link #describe()}. */
    static String encode(String s) {
      StringBuilder b = new StringBuilder();
      for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
        int c = x & 0xff;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
          b.append((char) c);
        } else {
          b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
      }
      return b.toString();
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw problem(problem);
      }
    }

    private static IllegalArgumentException problem(String problem) {
      return new IllegalArgumentException(problem + "; expected " + FORMS);
    }
  }
}
