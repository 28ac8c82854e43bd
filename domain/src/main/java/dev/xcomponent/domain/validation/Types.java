package dev.xcomponent.domain.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Helpers on JSON-like values, shared by the readers: type names, previews and hints. */
final class Types {
  private Types() {}

  static String name(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger) {
      return "integer";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof Map<?, ?>) {
      return "mapping";
    }
    if (v instanceof List<?>) {
      return "list";
    }
    return v.getClass().getSimpleName();
  }

  static String describe(Object v) {
    String type = name(v);
    if (v instanceof String s) {
      String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      return "string \"" + shown + "\"";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return type + " " + v;
    }
    return article(type);
  }

  static String article(String type) {
    return (type.startsWith("i") ? "an " : "a ") + type;
  }

  static String hint(String expected) {
    switch (expected) {
      case "list":
        return "write a YAML list: one \"- item\" per entry (or [] when empty)";
      case "mapping":
        return "write a YAML mapping of \"key: value\" lines";
      case "integer":
        return "write a whole number without quotes or decimals, such as 5000";
      case "number":
        return "write a number without quotes, such as 10 or 2.5";
      case "boolean":
        return "write true or false, without quotes";
      default:
        return "write a text value; quote it if it looks like a number or a boolean";
    }
  }

  /** The value as a long when it is an integral number within range; otherwise null. */
  static Long asLong(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? b.longValue() : null;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      boolean integral = !Double.isInfinite(d) && d == Math.rint(d);
      return integral && Math.abs(d) < 9.0e15 ? (long) d : null;
    }
    if (v instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }
}
