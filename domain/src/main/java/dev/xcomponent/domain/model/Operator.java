package dev.xcomponent.domain.model;

import java.util.Optional;

/**
 * A comparison of a matching rule. The instance value is on the left: {@code balance > threshold}
 * reads {@code instanceProperty OP eventProperty}.
 */
public enum Operator {
  EQ("==="),
  NE("!=="),
  GT(">"),
  LT("<"),
  GE(">="),
  LE("<=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The YAML spelling, such as {@code ===}. */
  public String symbol() {
    return symbol;
  }

  /** Parses a YAML spelling; empty when unknown. */
  public static Optional<Operator> fromSymbol(String text) {
    for (Operator o : values()) {
      if (o.symbol.equals(text)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
