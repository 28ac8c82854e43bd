package dev.xcomponent.domain.routing;

import dev.xcomponent.domain.model.Operator;

/**
 * The comparisons of matching rules, with the semantics of the reference (JavaScript): {@code ===}
 * and {@code !==} are strict (no coercion: the number 1 never equals the string "1", but 1 and 1.0
 * are the same number); the relational operators coerce both sides to numbers unless both are
 * strings, which compare lexicographically. A comparison with NaN is false.
 */
public final class Comparisons {
  private Comparisons() {}

  /** Evaluates {@code left op right}; both values must be present (not {@link Paths#MISSING}). */
  public static boolean compare(Operator op, Object left, Object right) {
    switch (op) {
      case EQ:
        return strictEquals(left, right);
      case NE:
        return !strictEquals(left, right);
      default:
        return relational(op, left, right);
    }
  }

  /** Strict equality: same type and value; numbers compare by numeric value. */
  public static boolean strictEquals(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number na && b instanceof Number nb) {
      return na.doubleValue() == nb.doubleValue();
    }
    return a.equals(b);
  }

  private static boolean relational(Operator op, Object left, Object right) {
    if (left instanceof String ls && right instanceof String rs) {
      int c = ls.compareTo(rs);
      return test(op, c);
    }
    double l = toNumber(left);
    double r = toNumber(right);
    if (Double.isNaN(l) || Double.isNaN(r)) {
      return false;
    }
    return test(op, Double.compare(l == 0.0 ? 0.0 : l, r == 0.0 ? 0.0 : r));
  }

  private static boolean test(Operator op, int c) {
    switch (op) {
      case GT:
        return c > 0;
      case LT:
        return c < 0;
      case GE:
        return c >= 0;
      case LE:
        return c <= 0;
      default:
        throw new IllegalArgumentException("not relational: " + op);
    }
  }

  /** JavaScript's ToNumber on JSON-like values. */
  static double toNumber(Object v) {
    if (v == null) {
      return 0.0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return 0.0;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
