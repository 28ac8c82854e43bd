package dev.xcomponent.adapter.postgres;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java maps and lists to JSON text and back, for JSONB columns. Values read back are plain
 * {@link Map}, {@link List}, {@link String}, {@link Number}, {@link Boolean} or null, never Vert.x
 * JSON types; numbers keep the type the JSON text gives them (an integer comes back as Integer or
 * Long, a fraction as Double).
 */
final class JsonValues {
  private JsonValues() {}

  /** JSON text of a map, or null for null. */
  static String encode(Map<String, Object> map) {
    if (map == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(64 + map.size() * 24);
    write(b, map);
    return b.toString();
  }

  /** JSON text of a list. */
  static String encode(List<?> list) {
    StringBuilder b = new StringBuilder(16 + list.size() * 24);
    write(b, list);
    return b.toString();
  }

  /**
   * Writes plain JSON values directly (a Jackson generator per value costs more than the value):
   * maps, lists, strings, booleans and numbers (NaN and infinities are refused). Anything else goes through
   * Vert.x's JSON codec, which writes what it can and fails with an EncodeException otherwise.
   */
  private static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, l.get(i));
      }
      b.append(']');
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte || v instanceof java.math.BigInteger) {
      b.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      if (!Double.isFinite(((Number) v).doubleValue())) {
        throw new io.vertx.core.json.EncodeException("JSON has no " + v);
      }
      b.append(v);
    } else if (v instanceof java.math.BigDecimal d) {
      b.append(d.toString());
    } else if (v instanceof JsonObject o) {
      write(b, o.getMap());
    } else if (v instanceof JsonArray a) {
      write(b, a.getList());
    } else {
      b.append(io.vertx.core.json.Json.encode(v));
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** A JSONB column value read as a map: null stays null, anything but an object is refused. */
  static Map<String, Object> map(Object jsonb) {
    if (jsonb == null || jsonb == Tuple.JSON_NULL) {
      return null;
    }
    Object plain = plain(jsonb);
    if (plain instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) plain;
      return m;
    }
    throw new IllegalStateException("a JSON object was expected, found " + plain.getClass().getSimpleName());
  }

  /** A JSONB column value read as a list; null and JSON null read as an empty list. */
  static List<Object> list(Object jsonb) {
    if (jsonb == null || jsonb == Tuple.JSON_NULL) {
      return List.of();
    }
    Object plain = plain(jsonb);
    if (plain instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) plain;
      return l;
    }
    throw new IllegalStateException("a JSON array was expected, found " + plain.getClass().getSimpleName());
  }

  /**
   * A JSONB column read as text ({@code column::text}) as a map: null stays null, JSON null reads
   * as null, anything but an object is refused. Same values as {@link #map} of the driver's
   * decoding, read once straight into plain unmodifiable collections ({@link JsonText}).
   */
  static Map<String, Object> mapFromText(String json) {
    Object plain = json == null ? null : JsonText.parse(json);
    if (plain == null || plain instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) plain;
      return m;
    }
    throw new IllegalStateException("a JSON object was expected, found " + plain.getClass().getSimpleName());
  }

  /**
   * {@link #mapFromText(String)} of {@code json}, or {@code parsed} when {@code json} is the text
   * it was parsed from (a row often holds the same object twice, as data and as public member):
   * the maps read are unmodifiable, so sharing one is safe.
   */
  static Map<String, Object> mapFromText(String json, String parsedJson, Map<String, Object> parsed) {
    return json != null && json.equals(parsedJson) ? parsed : mapFromText(json);
  }

  /** A JSONB column read as text as a list; null and JSON null read as an empty list. */
  static List<Object> listFromText(String json) {
    Object plain = json == null ? null : JsonText.parse(json);
    if (plain == null) {
      return List.of();
    }
    if (plain instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) plain;
      return l;
    }
    throw new IllegalStateException("a JSON array was expected, found " + plain.getClass().getSimpleName());
  }

  /** Converts Vert.x JSON values, and maps or lists holding them, to unmodifiable plain ones. */
  static Object plain(Object v) {
    if (v == Tuple.JSON_NULL) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return plainMap(o.getMap());
    }
    if (v instanceof JsonArray a) {
      return plainList(a.getList());
    }
    if (v instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (v instanceof List<?> l) {
      return plainList(l);
    }
    return v;
  }

  private static Map<String, Object> plainMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
    m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> plainList(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    l.forEach(x -> out.add(plain(x)));
    return Collections.unmodifiableList(out);
  }
}
