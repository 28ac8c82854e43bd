package dev.xcomponent.domain.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A cursor on one value of the JSON-like tree: knows its document path and a human description
 * ("machine \"Order\""), and offers typed access to the fields of a mapping. Every accessor
 * reports what is wrong to the shared {@link Report} and returns null instead of failing, so that
 * reading goes on and all problems are found in one pass.
 *
 * <p>Rules: a key whose value is null counts as absent. Blank strings count as absent for
 * required fields. Integers may be any integral {@link Number} (an integral double such as {@code
 * 5000.0} is accepted).
 */
final class Node {
  private final Object value;
  private final String path;
  private final String what;
  private final Report report;

  Node(Object value, String path, String what, Report report) {
    this.value = value;
    this.path = path;
    this.what = what;
    this.report = report;
  }

  String path() {
    return path;
  }

  /** Human description used in messages, such as {@code transition #2 of machine "Order"}. */
  String what() {
    return what;
  }

  Report report() {
    return report;
  }

  Object value() {
    return value;
  }

  /** True for a string, number or boolean. */
  boolean isScalar() {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  Node describedAs(String newWhat) {
    return new Node(value, path, newWhat, report);
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return raw(key) != null;
  }

  Object raw(String key) {
    return value instanceof Map<?, ?> m ? m.get(key) : null;
  }

  /** The keys of this mapping (empty when it is not one). */
  Collection<?> keys() {
    return value instanceof Map<?, ?> m ? m.keySet() : List.of();
  }

  /** True when this value is a mapping; otherwise reports WRONG_TYPE and returns false. */
  boolean expectMapping() {
    if (value instanceof Map<?, ?>) {
      return true;
    }
    report.error(
        ViolationCodes.WRONG_TYPE,
        path,
        capitalize(what) + " must be a mapping, got " + Types.describe(value),
        Types.hint("mapping"));
    return false;
  }

  /** An optional string field. */
  String string(String key) {
    Object v = raw(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    wrongType(key, "string", v);
    return null;
  }

  /** A required string field; reports MISSING_FIELD when absent or blank. */
  String requiredString(String key) {
    String s = string(key);
    if (s != null && !s.isBlank()) {
      return s;
    }
    if (raw(key) == null || s != null) {
      report.error(
          ViolationCodes.MISSING_FIELD,
          pathOf(key),
          capitalize(what) + " is missing required field \"" + key + "\"",
          "add \"" + key + ": <value>\" to " + what);
    }
    return null;
  }

  Boolean bool(String key) {
    Object v = raw(key);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    wrongType(key, "boolean", v);
    return null;
  }

  /** An optional integer field. */
  Long integer(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    Long l = Types.asLong(v);
    if (l == null) {
      wrongType(key, "integer", v);
    }
    return l;
  }

  /** An optional number field (integer or decimal). */
  Number number(String key) {
    Object v = raw(key);
    if (v == null || v instanceof Number) {
      return (Number) v;
    }
    wrongType(key, "number", v);
    return null;
  }

  /** The value of {@code key} as a node described as {@code childWhat} (its value may be null). */
  Node child(String key, String childWhat) {
    return new Node(raw(key), pathOf(key), childWhat, report);
  }

  /** An optional nested mapping, described as {@code childWhat}; null when absent or wrong. */
  Node mapping(String key, String childWhat) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?>)) {
      wrongType(key, "mapping", v);
      return null;
    }
    return new Node(v, pathOf(key), childWhat, report);
  }

  /** An opaque mapping kept as is (metadata, layout, payload); empty when absent or wrong. */
  @SuppressWarnings("unchecked")
  Map<String, Object> opaque(String key) {
    Object v = raw(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    wrongType(key, "mapping", v);
    return Map.of();
  }

  /**
   * An optional list; null when absent or not a list. Items beyond {@code limit} are reported
   * (LIMIT_EXCEEDED) and dropped.
   */
  List<Node> list(String key, int limit, IntFunction<String> whatOfItem) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> items)) {
      wrongType(key, "list", v);
      return null;
    }
    if (items.size() > limit) {
      report.error(
          ViolationCodes.LIMIT_EXCEEDED,
          pathOf(key),
          capitalize(what) + " has " + items.size() + " " + key + ", more than the limit of "
              + limit,
          "split it into several machines or components");
    }
    List<Node> nodes = new ArrayList<>(Math.min(items.size(), limit));
    for (int i = 0; i < items.size() && i < limit; i++) {
      nodes.add(new Node(items.get(i), pathOf(key) + "[" + i + "]", whatOfItem.apply(i), report));
    }
    return nodes;
  }

  /**
   * An optional enumerated field: returns its parsed value, {@code fallback} when absent, and
   * {@code fallback} after reporting INVALID_ENUM_VALUE when the text is not in {@code allowed}.
   */
  <T> T choice(String key, List<String> allowed, Function<String, Optional<T>> parse, T fallback) {
    String s = string(key);
    if (s == null) {
      return fallback;
    }
    Optional<T> parsed = allowed.contains(s) ? parse.apply(s) : Optional.empty();
    if (parsed.isPresent()) {
      return parsed.get();
    }
    report.error(
        ViolationCodes.INVALID_ENUM_VALUE,
        pathOf(key),
        capitalize(what) + " has an unknown " + key + " \"" + s + "\"",
        "use one of: " + String.join(", ", allowed));
    return fallback;
  }

  void wrongType(String key, String expected, Object actual) {
    report.error(
        ViolationCodes.WRONG_TYPE,
        pathOf(key),
        "\"" + key + "\" of " + what + " must be " + Types.article(expected) + ", got "
            + Types.describe(actual),
        Types.hint(expected));
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
