package dev.xcomponent.adapter.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the PostgreSQL store connects, parsed once from a {@code DATABASE_URL}.
 *
 * <p>Accepted form: {@code postgresql://[user[:password]@]host[:port][/database][?param=value&...]}
 * ({@code postgres://} is accepted too). User and password may be percent-encoded; an IPv6 host is
 * written in brackets. Defaults: host {@code localhost}, port 5432, user {@code postgres}, database =
 * user. Known parameters, anything else is refused:
 *
 * <ul>
 *   <li>{@code sslmode}: disable (default), allow, prefer, require, verify-ca, verify-full
 *   <li>{@code sslrootcert}: PEM file of the CA that signed the server certificate
 *   <li>{@code connect_timeout}: seconds to open a connection (default 5)
 *   <li>{@code application_name}: shown in {@code pg_stat_activity} (default {@code xcomponent})
 *   <li>{@code search_path}: schema(s) the tables live in (default: the server's)
 *   <li>{@code pool_size}: connections kept open (default 10)
 *   <li>{@code pool_wait_queue}: operations that may wait for a connection (default 1000)
 * </ul>
 *
 * <p>Every limit is bounded: a full wait queue or a connection that cannot be had within the
 * connect timeout fails the operation instead of piling it up. The password never appears in
 * {@link #describe()} or {@link #toString()}.
 *
 * @param host server host name or address
 * @param port server port
 * @param database database name
 * @param user user name
 * @param password password, or null (trust or peer authentication)
 * @param sslMode libpq-style ssl mode
 * @param sslRootCert path of a PEM CA file, or null for the JVM's trust store
 * @param applicationName application name reported to the server
 * @param searchPath schema search path set on each connection, or null for the server default
 * @param poolSize maximum number of connections
 * @param waitQueueSize maximum number of operations waiting for a connection
 * @param connectTimeout bound on opening a connection and on waiting for a free one
 * @param operationTimeout bound on one store operation once it has a connection
 */
public record PgSettings(
    String host,
    int port,
    String database,
    String user,
    String password,
    String sslMode,
    String sslRootCert,
    String applicationName,
    String searchPath,
    int poolSize,
    int waitQueueSize,
    Duration connectTimeout,
    Duration operationTimeout) {

  public static final int DEFAULT_PORT = 5432;
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final int DEFAULT_WAIT_QUEUE_SIZE = 1000;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);

  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final List<String> PARAMETERS = List.of("sslmode", "sslrootcert", "connect_timeout",
      "application_name", "search_path", "pool_size", "pool_wait_queue");
  private static final Pattern SEARCH_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\s*,\\s*[A-Za-z_][A-Za-z0-9_$]*)*");

  public PgSettings {
    require(host != null && !host.isBlank(), "the host is empty");
    require(port > 0 && port < 65536, "port " + port + " is not between 1 and 65535");
    require(database != null && !database.isEmpty(), "the database name is empty");
    require(user != null && !user.isEmpty(), "the user is empty");
    require(sslMode != null && SSL_MODES.contains(sslMode), "sslmode '" + sslMode + "' is not one of " + SSL_MODES);
    require(searchPath == null || SEARCH_PATH.matcher(searchPath).matches(),
        "search_path must be a comma-separated list of plain schema names");
    require(poolSize > 0, "pool_size must be at least 1");
    require(waitQueueSize >= 0, "pool_wait_queue must not be negative");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connect_timeout must be positive");
    require(!operationTimeout.isNegative() && !operationTimeout.isZero(), "the operation timeout must be positive");
    applicationName = applicationName == null ? "xcomponent" : applicationName;
  }

  /**
   * Parses a {@code DATABASE_URL}.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing the password)
   */
  public static PgSettings parse(String url) {
    require(url != null && !url.isBlank(), "DATABASE_URL is empty");
    String rest;
    if (url.startsWith("postgresql://")) {
      rest = url.substring("postgresql://".length());
    } else if (url.startsWith("postgres://")) {
      rest = url.substring("postgres://".length());
    } else {
      int colon = url.indexOf(':');
      String scheme = colon > 0 && colon < 20 ? url.substring(0, colon) : "(none)";
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql:// or postgres://, not scheme " + scheme);
    }
    // User info ends at the last '@', so an unencoded '/', '?' or '@' in a password still parses.
    String user = "postgres";
    String password = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!rawUser.isEmpty()) {
        user = decode(rawUser, "user");
      }
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1), "password");
      }
    }
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String path = slash >= 0 ? rest.substring(slash + 1) : "";
    require(!path.contains("/"), "DATABASE_URL has more than one path segment; give just the database name");
    require(!authority.contains(","), "DATABASE_URL lists several hosts; only one is supported");
    String host;
    int port = DEFAULT_PORT;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      require(close > 0, "DATABASE_URL has an unclosed '[' in its IPv6 host");
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        require(after.startsWith(":"), "DATABASE_URL has unexpected text after the IPv6 host");
        portText = after.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      host = colon >= 0 ? authority.substring(0, colon) : authority;
      portText = colon >= 0 ? authority.substring(colon + 1) : null;
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    if (portText != null) {
      require(portText.matches("[0-9]{1,5}"), "DATABASE_URL port '" + portText + "' is not a number");
      port = Integer.parseInt(portText);
    }
    String database = path.isEmpty() ? user : decode(path, "database name");

    Map<String, String> params = parseQuery(query);
    String sslMode = params.getOrDefault("sslmode", "disable");
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    if (params.containsKey("connect_timeout")) {
      connectTimeout = Duration.ofSeconds(positive(params.get("connect_timeout"), "connect_timeout"));
    }
    int poolSize = params.containsKey("pool_size") ? positive(params.get("pool_size"), "pool_size") : DEFAULT_POOL_SIZE;
    int waitQueue = params.containsKey("pool_wait_queue")
        ? nonNegative(params.get("pool_wait_queue"), "pool_wait_queue") : DEFAULT_WAIT_QUEUE_SIZE;
    return new PgSettings(host, port, database, user, password, sslMode, params.get("sslrootcert"),
        params.get("application_name"), params.get("search_path"), poolSize, waitQueue, connectTimeout,
        DEFAULT_OPERATION_TIMEOUT);
  }

  /** The same settings with another pool size and wait-queue bound. */
  public PgSettings withPool(int size, int waitQueue) {
    return new PgSettings(host, port, database, user, password, sslMode, sslRootCert, applicationName, searchPath,
        size, waitQueue, connectTimeout, operationTimeout);
  }

  /** The same settings with other time bounds. */
  public PgSettings withTimeouts(Duration connect, Duration operation) {
    return new PgSettings(host, port, database, user, password, sslMode, sslRootCert, applicationName, searchPath,
        poolSize, waitQueueSize, connect, operation);
  }

  /** The same settings with another search path (schema). */
  public PgSettings withSearchPath(String schemas) {
    return new PgSettings(host, port, database, user, password, sslMode, sslRootCert, applicationName, schemas,
        poolSize, waitQueueSize, connectTimeout, operationTimeout);
  }

  /**
   * The URL with the password masked, for logs, errors and {@code /health}: {@code
   * postgresql://user:***@host:5432/db}.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("postgresql://").append(encode(user));
    if (password != null) {
      b.append(":***");
    }
    b.append('@').append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port)
        .append('/').append(encode(database));
    String sep = "?";
    if (!"disable".equals(sslMode)) {
      b.append(sep).append("sslmode=").append(sslMode);
      sep = "&";
    }
    if (searchPath != null) {
      b.append(sep).append("search_path=").append(searchPath.replace(" ", ""));
    }
    return b.toString();
  }

  /** Same as {@link #describe()}: the password is never printed. */
  @Override
  public String toString() {
    return describe();
  }

  // ---- parsing helpers --------------------------------------------------------------------------

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name");
      String value = eq >= 0 ? decode(pair.substring(eq + 1), "parameter " + name) : "";
      require(PARAMETERS.contains(name), "DATABASE_URL parameter '" + name + "' is not supported (known: "
          + String.join(", ", PARAMETERS) + ")");
      require(!value.isEmpty(), "DATABASE_URL parameter '" + name + "' has no value");
      require(params.put(name, value) == null, "DATABASE_URL parameter '" + name + "' is given twice");
    }
    return params;
  }

  private static int positive(String text, String name) {
    int v = number(text, name);
    require(v > 0, "DATABASE_URL parameter " + name + " must be at least 1");
    return v;
  }

  private static int nonNegative(String text, String name) {
    return number(text, name);
  }

  private static int number(String text, String name) {
    require(text.matches("[0-9]{1,9}"), "DATABASE_URL parameter " + name + "='" + text + "' is not a whole number");
    return Integer.parseInt(text);
  }

  /** Percent-decoding as in a URL's user info and path ('+' stays a plus). */
  private static String decode(String s, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (c == '%') {
        require(hex(s, i + 1) >= 0 && hex(s, i + 2) >= 0, "DATABASE_URL has a bad percent-escape in the " + what);
        out.write(hex(s, i + 1) * 16 + hex(s, i + 2));
        i += 3;
      } else {
        byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String s, int i) {
    return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
  }

  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
