package dev.xcomponent.adapter.postgres;

import io.vertx.core.json.DecodeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259), such as PostgreSQL gives for a JSONB column cast to text, straight
 * into plain values: objects as unmodifiable {@link LinkedHashMap}s, arrays as unmodifiable lists,
 * strings, numbers, booleans and null.
 *
 * <p>Rules: numbers come out as Vert.x's JSON decoder makes them, which is what reading the column
 * as JSONB gave: an integer as the smallest of Integer, Long and BigInteger that holds it, a
 * number with a fraction or an exponent as Double. A repeated key keeps its last value. Anything
 * that is not one well-formed JSON value fails with a {@link DecodeException}.
 *
 * <p>Why not Jackson: the values read are small (an instance's data, a few timers), and setting a
 * Jackson parser up costs more than reading such a value; a restore reads several per instance.
 */
final class JsonText {
  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /** The value {@code text} holds. */
  static Object parse(String text) {
    JsonText r = new JsonText(text);
    r.skipSpace();
    Object value = r.value();
    r.skipSpace();
    if (r.at != text.length()) {
      throw r.error("unexpected content after the value");
    }
    return value;
  }

  private Object value() {
    char c = peek();
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    at++;
    Map<String, Object> out = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      at++;
      return Collections.unmodifiableMap(out);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a field name was expected");
      }
      String key = string();
      skipSpace();
      if (next() != ':') {
        throw error("':' was expected");
      }
      skipSpace();
      out.put(key, value());
      skipSpace();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(out);
      }
      if (c != ',') {
        throw error("',' or '}' was expected");
      }
    }
  }

  private List<Object> array() {
    at++;
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      at++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      skipSpace();
      out.add(value());
      skipSpace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(out);
      }
      if (c != ',') {
        throw error("',' or ']' was expected");
      }
    }
  }

  private String string() {
    int start = ++at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        return text.substring(start, at++);
      }
      if (c == '\\') {
        return escapedString(start);
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      at++;
    }
    throw error("an unterminated string");
  }

  /** The rest of a string from its first escape on; {@code start} is where the string began. */
  private String escapedString(int start) {
    StringBuilder b = new StringBuilder(at - start + 16).append(text, start, at);
    while (true) {
      char c = next();
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(hexChar());
        default -> throw error("an unknown escape \\" + e);
      }
    }
  }

  private char hexChar() {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      char h = next();
      int d = hexDigit(h);
      if (d < 0) {
        throw error("a \\u escape needs four hex digits");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /** The value of a hexadecimal digit; -1 for anything else. */
  private static int hexDigit(int h) {
    if (h >= '0' && h <= '9') {
      return h - '0';
    }
    if (h >= 'a' && h <= 'f') {
      return h - 'a' + 10;
    }
    return h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
  }

  private Number number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    int digitsStart = at;
    digits();
    if (text.charAt(digitsStart) == '0' && at - digitsStart > 1) {
      throw error("a number with a leading zero");
    }
    int intDigits = at - digitsStart;
    boolean integer = true;
    if (at < text.length() && text.charAt(at) == '.') {
      integer = false;
      at++;
      digits();
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      integer = false;
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      digits();
    }
    if (!integer) {
      return Double.valueOf(text.substring(start, at));
    }
    if (intDigits <= 18) {
      long v = Long.parseLong(text, start, at, 10);
      if (v == (int) v) {
        return Integer.valueOf((int) v); // not in a conditional expression: it would make every value a Long
      }
      return Long.valueOf(v);
    }
    BigInteger v = new BigInteger(text.substring(start, at));
    if (v.bitLength() < 64) {
      return Long.valueOf(v.longValue());
    }
    return v;
  }

  /** Skips one or more decimal digits. */
  private void digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw error("a digit was expected");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected characters");
    }
    at += word.length();
    return value;
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end of the text");
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private DecodeException error(String what) {
    return new DecodeException("malformed JSON at " + at + ": " + what);
  }
}
