package dev.xcomponent.adapter.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a Kafka broker URL into its parts, as the reference's URL forms define them.
 *
 * <p>The authority ends at the first {@code '/'}, {@code '?'} or {@code '#'}; inside it, the last
 * {@code '@'} ends the user info. Special characters of the user or password must therefore be
 * percent-encoded ({@code %40} for {@code @}, {@code %3F} for {@code ?}, {@code %2F} for {@code /},
 * {@code %2C} for {@code ,}). No message of this class quotes the user info, the path or the
 * fragment, so a password written without encoding never reaches a log.
 */
final class KafkaUrl {
  static final String FORMS = "kafka://host[:port][,host[:port]...], kafka://user:password@host[:port], "
      + "kafkas://[user:password@]host[:port] (TLS), each with optional ?clientId=...&groupId=... "
      + "(percent-encode special characters of the user and password)";
  static final int PLAIN_PORT = 9092;
  static final int TLS_PORT = 9093;

  private static final List<String> PARAMETERS = List.of("clientId", "groupId");

  /** What a URL says; user and password are null when it carries none. */
  record Parts(boolean tls, List<String> servers, String user, String password, String clientId, String groupId) {}

  private KafkaUrl() {}

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException naming the problem and the accepted forms, never the password
   */
  static Parts parse(String url) {
    require(url != null && !url.isBlank(), "the URL is empty");
    String text = url.trim();
    boolean tls;
    String rest;
    if (text.regionMatches(true, 0, "kafka://", 0, 8)) {
      tls = false;
      rest = text.substring(8);
    } else if (text.regionMatches(true, 0, "kafkas://", 0, 9)) {
      tls = true;
      rest = text.substring(9);
    } else {
      int colon = text.indexOf(':');
      String scheme = colon > 0 && colon < 16 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
          ? text.substring(0, colon) : "(none)";
      throw problem("the scheme must be kafka:// or kafkas://, not " + scheme);
    }
    int end = firstOf(rest, "/?#");
    String authority = end < 0 ? rest : rest.substring(0, end);
    String tail = end < 0 ? "" : rest.substring(end);

    String user = null;
    String password = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String info = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = info.indexOf(':');
      require(colon > 0, "the user info must be user:password (SASL/PLAIN needs both)");
      user = decode(info.substring(0, colon), "user");
      password = decode(info.substring(colon + 1), "password");
      require(!user.isEmpty(), "the user is empty");
      require(!password.isEmpty(), "the password is empty");
    }

    String query = null;
    if (tail.startsWith("/")) {
      int q = tail.indexOf('?');
      String path = q < 0 ? tail : tail.substring(0, q);
      require(path.equals("/") && tail.indexOf('#') < 0,
          "the URL must not have a path or fragment (a '/' or '#' in the password must be percent-encoded)");
      query = q < 0 ? null : tail.substring(q + 1);
    } else if (tail.startsWith("?")) {
      require(tail.indexOf('#') < 0, "the URL must not have a fragment (a '#' in the password must be percent-encoded)");
      query = tail.substring(1);
    } else {
      require(tail.isEmpty(), "the URL must not have a fragment (a '#' in the password must be percent-encoded)");
    }
    if (query != null) {
      require(query.indexOf('@') < 0,
          "the query holds an '@': percent-encode special characters of the password (%3F for '?', %40 for '@')");
    }

    List<String> servers = servers(authority, tls ? TLS_PORT : PLAIN_PORT);
    Map<String, String> params = query(query);
    return new Parts(tls, servers, user, password, params.get("clientId"), params.get("groupId"));
  }

  private static List<String> servers(String authority, int defaultPort) {
    require(!authority.isEmpty(), "the URL names no broker host");
    List<String> servers = new ArrayList<>();
    for (String entry : authority.split(",", -1)) {
      require(!entry.isEmpty(), "the broker list has an empty entry (check the commas)");
      String host;
      String port = null;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        require(close > 1, "an IPv6 host must be written [address] or [address]:port");
        host = entry.substring(0, close + 1);
        String after = entry.substring(close + 1);
        if (!after.isEmpty()) {
          require(after.startsWith(":"), "unexpected text after the IPv6 host " + host);
          port = after.substring(1);
        }
        require(host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+"), "'" + host + "' is not an IPv6 address");
      } else {
        int colon = entry.indexOf(':');
        host = colon < 0 ? entry : entry.substring(0, colon);
        port = colon < 0 ? null : entry.substring(colon + 1);
        require(host.matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?"),
            "'" + host + "' is not a host name or address");
      }
      int number = defaultPort;
      if (port != null) {
        require(port.matches("[0-9]{1,5}"), "the port of " + host + " is not a number");
        number = Integer.parseInt(port);
        require(number >= 1 && number <= 65535, "the port of " + host + " must be between 1 and 65535");
      }
      servers.add(host + ":" + number);
    }
    return List.copyOf(servers);
  }

  private static Map<String, String> query(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      require(PARAMETERS.contains(name), "the query parameter "
          + (name.matches("[A-Za-z_]{1,32}") ? "'" + name + "'" : "given")
          + " is not supported (known: " + String.join(", ", PARAMETERS) + ")");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
      require(!value.isBlank(), "the query parameter " + name + " has no value");
      require(params.put(name, value) == null, "the query parameter " + name + " is given twice");
    }
    return params;
  }

  /** Percent-decoding as in a URL's user info ('+' stays a plus). */
  private static String decode(String s, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%') {
        require(hex(s, i + 1) >= 0 && hex(s, i + 2) >= 0,
            "the " + what + " has a malformed %-escape");
        out.write(hex(s, i + 1) * 16 + hex(s, i + 2));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String s, int i) {
    return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  static IllegalArgumentException problem(String what) {
    return new IllegalArgumentException("Invalid Kafka URL: " + what + ". Accepted forms: " + FORMS);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw problem(what);
    }
  }
}
