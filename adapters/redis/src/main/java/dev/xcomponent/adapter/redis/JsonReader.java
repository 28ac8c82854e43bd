package dev.xcomponent.adapter.redis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON record (UTF-8 bytes, as Redis returns it) field by field, straight into the values
 * the ports carry, without building a JSON object or a string of the whole record first: a
 * restore reads every snapshot and event, and those intermediate objects were most of its cost.
 *
 * <p>Rules: the text must be one JSON value (RFC 8259; no comments), else an {@link
 * IllegalArgumentException} is thrown, as it is for a value of the wrong JSON type. Values come
 * out as Vert.x's decoder followed by {@link JsonValues#plain} makes them: objects as mutable
 * {@link LinkedHashMap}s, arrays as {@link ArrayList}s, an integer as the smallest of Integer, Long
 * and BigInteger that holds it, a number with a fraction or an exponent as Double. Malformed UTF-8
 * in a string reads as U+FFFD. Field names are shared between reads (they are immutable).
 *
 * <p>Use: {@link #ofObject} is positioned inside the record; {@link #nextField} moves to the value
 * of each field in turn, which one of the value methods then reads (or {@link #skip} passes);
 * {@link #end} checks that nothing follows.
 */
final class JsonReader {
  /** Field names read before, by a hash of their bytes: most records repeat the same few names. */
  private static final String[] NAMES = new String[512];

  private final byte[] json;
  private int at;

  /** Where the innermost object or array entered by the caller starts: its first entry needs no comma. */
  private int firstEntry = -1;

  private JsonReader(byte[] json) {
    this.json = json;
  }

  /** A reader inside the object {@code json} must hold. */
  static JsonReader ofObject(byte[] json) {
    JsonReader r = new JsonReader(json);
    r.skipSpace();
    if (!r.enterObject()) {
      throw new IllegalArgumentException("a JSON object was expected");
    }
    return r;
  }

  /**
   * Enters the object at the current value: true when it is an object, false when it is null
   * (anything else is refused). Read its fields with {@link #nextField()} until null.
   */
  boolean enterObject() {
    return enter('{', "an object");
  }

  /** Enters the array at the current value: true when it is an array, false when it is null. */
  boolean enterArray() {
    return enter('[', "an array");
  }

  /**
   * Moves to the value of the next field of the object entered last, and returns the field's name;
   * null at the end of the object.
   */
  String nextField() {
    if (!nextEntry('}')) {
      return null;
    }
    if (peek() != '"') {
      throw error("a field name was expected");
    }
    String name = name();
    skipSpace();
    expect(':');
    skipSpace();
    return name;
  }

  /** Moves to the next element of the array entered last; false at its end. */
  boolean nextElement() {
    return nextEntry(']');
  }

  /** The current value as a string; null for JSON null. */
  String string() {
    byte c = peek();
    if (c == '"') {
      return stringValue();
    }
    if (c == 'n') {
      return literalNull();
    }
    throw wrongType("a string");
  }

  /** The current value as a long (a fraction truncated, as Vert.x does); null for JSON null. */
  Long longValue() {
    Number n = number();
    return n == null ? null : n.longValue();
  }

  /** The current value as an int (as Vert.x converts it); null for JSON null. */
  Integer intValue() {
    Number n = number();
    return n == null ? null : n.intValue();
  }

  /** The current value as a boolean; null for JSON null. */
  Boolean bool() {
    return switch (peek()) {
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literalNull();
      default -> throw wrongType("a boolean");
    };
  }

  /** The current value as a plain map; null for JSON null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> map() {
    byte c = peek();
    if (c != '{' && c != 'n') {
      throw wrongType("an object");
    }
    return (Map<String, Object>) value();
  }

  /** The current value, whatever it is, as a plain value. */
  Object value() {
    return switch (peek()) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> stringValue();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literalNull();
      default -> number();
    };
  }

  /** Skips the current value, with everything inside it. */
  void skip() {
    value();
  }

  /** Checks that nothing follows the object read. */
  void end() {
    skipSpace();
    if (at != json.length) {
      throw error("unexpected content after the JSON value");
    }
  }

  // ---- structure --------------------------------------------------------------------------------

  private boolean enter(char open, String what) {
    byte c = peek();
    if (c == 'n') {
      literalNull();
      return false;
    }
    if (c != open) {
      throw wrongType(what);
    }
    at++;
    skipSpace();
    firstEntry = at;
    return true;
  }

  /** Moves past the comma before the next entry; false (past {@code close}) at the end. */
  private boolean nextEntry(char close) {
    skipSpace();
    byte c = peek();
    if (c == close) {
      at++;
      return false;
    }
    if (at != firstEntry) {
      expect(',');
      skipSpace();
    }
    return true;
  }

  private Map<String, Object> object() {
    at++;
    Map<String, Object> out = new LinkedHashMap<>(8);
    skipSpace();
    if (peek() == '}') {
      at++;
      return out;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a field name was expected");
      }
      String key = name();
      skipSpace();
      expect(':');
      skipSpace();
      out.put(key, value());
      skipSpace();
      byte c = next();
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw error("',' or '}' was expected");
      }
    }
  }

  private List<Object> array() {
    at++;
    List<Object> out = new ArrayList<>(4);
    skipSpace();
    if (peek() == ']') {
      at++;
      return out;
    }
    while (true) {
      skipSpace();
      out.add(value());
      skipSpace();
      byte c = next();
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw error("',' or ']' was expected");
      }
    }
  }

  // ---- strings ----------------------------------------------------------------------------------

  /** A field name: shared with earlier reads of the same name when it has no escape. */
  private String name() {
    int start = at + 1;
    int hash = 0;
    int i = start;
    while (i < json.length && json[i] != '"' && json[i] != '\\') {
      hash = 31 * hash + json[i];
      i++;
    }
    if (i >= json.length || json[i] != '"') {
      return stringValue();
    }
    int slot = (hash ^ (hash >>> 16)) & (NAMES.length - 1);
    String known = NAMES[slot];
    if (known == null || !sameBytes(known, start, i)) {
      known = text(start, i);
      NAMES[slot] = known;
    }
    at = i + 1;
    return known;
  }

  private boolean sameBytes(String s, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) != json[from + k]) {
        return false;
      }
    }
    return true;
  }

  private String stringValue() {
    int start = ++at;
    while (at < json.length) {
      byte c = json[at];
      if (c == '"') {
        return text(start, at++);
      }
      if (c == '\\') {
        return escapedString(start);
      }
      if (c >= 0 && c < 0x20) {
        throw error("a control character in a string");
      }
      at++;
    }
    throw error("an unterminated string");
  }

  /** The rest of a string from its first escape on; {@code start} is where the string began. */
  private String escapedString(int start) {
    StringBuilder b = new StringBuilder(at - start + 16).append(text(start, at));
    int run = at;
    while (true) {
      byte c = next();
      if (c == '"') {
        return b.append(text(run, at - 1)).toString();
      }
      if (c >= 0 && c < 0x20) {
        throw error("a control character in a string");
      }
      if (c != '\\') {
        continue;
      }
      b.append(text(run, at - 1));
      byte e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append((char) e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(hexChar());
        default -> throw error("an unknown escape");
      }
      run = at;
    }
  }

  private char hexChar() {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      byte h = next();
      int d = hexDigit(h);
      if (d < 0) {
        throw error("a \\u escape needs four hex digits");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /** The UTF-8 text of {@code json[from, to)}. */
  private String text(int from, int to) {
    for (int k = from; k < to; k++) {
      if (json[k] < 0) {
        return new String(json, from, to - from, StandardCharsets.UTF_8);
      }
    }
    return new String(json, from, to - from, StandardCharsets.ISO_8859_1);
  }

  // ---- numbers and literals ---------------------------------------------------------------------

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
    byte c = peek();
    if (c == 'n') {
      return literalNull();
    }
    if (c != '-' && (c < '0' || c > '9')) {
      throw wrongType("a number");
    }
    int start = at;
    if (c == '-') {
      at++;
    }
    int digitsStart = at;
    digits();
    if (json[digitsStart] == '0' && at - digitsStart > 1) {
      throw error("a number with a leading zero");
    }
    int intDigits = at - digitsStart;
    boolean integer = true;
    if (at < json.length && json[at] == '.') {
      integer = false;
      at++;
      digits();
    }
    if (at < json.length && (json[at] == 'e' || json[at] == 'E')) {
      integer = false;
      at++;
      if (at < json.length && (json[at] == '+' || json[at] == '-')) {
        at++;
      }
      digits();
    }
    if (!integer) {
      return Double.valueOf(text(start, at));
    }
    if (intDigits <= 18) {
      long v = 0;
      for (int k = digitsStart; k < at; k++) {
        v = v * 10 + (json[k] - '0');
      }
      v = c == '-' ? -v : v;
      if (v == (int) v) {
        return Integer.valueOf((int) v); // not in a conditional expression: it would make every value a Long
      }
      return Long.valueOf(v);
    }
    BigInteger v = new BigInteger(text(start, at));
    if (v.bitLength() < 64) {
      return Long.valueOf(v.longValue());
    }
    return v;
  }

  /** Skips one or more decimal digits. */
  private void digits() {
    int start = at;
    while (at < json.length && json[at] >= '0' && json[at] <= '9') {
      at++;
    }
    if (at == start) {
      throw error("a digit was expected");
    }
  }

  private <T> T literalNull() {
    literal("null", null);
    return null;
  }

  private <T> T literal(String word, T value) {
    if (at + word.length() > json.length) {
      throw error("unexpected end of the text");
    }
    for (int k = 0; k < word.length(); k++) {
      if (json[at + k] != word.charAt(k)) {
        throw error("unexpected characters");
      }
    }
    at += word.length();
    return value;
  }

  // ---- bytes ------------------------------------------------------------------------------------

  private void skipSpace() {
    while (at < json.length) {
      byte c = json[at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("'" + c + "' was expected");
    }
  }

  private byte peek() {
    if (at >= json.length) {
      throw error("unexpected end of the text");
    }
    return json[at];
  }

  private byte next() {
    byte c = peek();
    at++;
    return c;
  }

  private IllegalArgumentException wrongType(String expected) {
    return error(expected + " was expected");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("malformed JSON at byte " + at + ": " + what);
  }
}
