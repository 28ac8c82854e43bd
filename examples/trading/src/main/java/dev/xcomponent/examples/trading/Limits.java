package dev.xcomponent.examples.trading;

import java.util.Locale;
import java.util.Map;

/**
 * How an order's limit is stored for routing. Matching rules compare an instance value with an
 * event value ({@code instance op event}), so each side gets its own field: a buy order has {@code
 * buyLimit} (it fills when {@code buyLimit >= price}), a sell order has {@code sellLimit} (it fills
 * when {@code sellLimit <= price}). A rule on a field the instance lacks never matches, so a price
 * broadcast reaches each order through the rule of its own side only.
 */
final class Limits {
  static final String BUY = "BUY";
  static final String SELL = "SELL";

  private Limits() {}

  /** The side in upper case, or null when it is neither BUY nor SELL. */
  static String side(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    String side = s.strip().toUpperCase(Locale.ROOT);
    return BUY.equals(side) || SELL.equals(side) ? side : null;
  }

  /** A strictly positive finite number read from a JSON number or numeric text, or null. */
  static Double positive(Object value) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(d) && d > 0 ? d : null;
  }

  /** Stores {@code limit} as the routing field of {@code side}, and removes the other side's. */
  static void apply(Map<String, Object> data, String side, double limit) {
    data.put("limitPrice", limit);
    if (BUY.equals(side)) {
      data.put("buyLimit", limit);
      data.remove("sellLimit");
    } else {
      data.put("sellLimit", limit);
      data.remove("buyLimit");
    }
  }
}
