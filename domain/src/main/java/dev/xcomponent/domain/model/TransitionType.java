package dev.xcomponent.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a transition. Every type is a full transition (exit and entry hooks, state change);
 * the types differ only in what happens around it.
 */
public enum TransitionType {
  REGULAR,
  /** Same as {@link #REGULAR}; documents that code or the API fires it. */
  TRIGGERABLE,
  /** Same as {@link #REGULAR}; still a full transition with a state change. */
  INTERNAL,
  /** Fired by a timer {@code timeoutMs} after the instance entered {@code from}. */
  TIMEOUT,
  /** Fired by a timer {@code timeoutMs} (default 0) after the instance entered {@code from}. */
  AUTO,
  /** After the transition, creates an instance of {@code targetMachine} linked to this one. */
  INTER_MACHINE,
  /** After the transition, creates or signals instances in {@code targetComponent}. */
  CROSS_COMPONENT;

  /** The YAML spelling of this type. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when a timer fires this transition. */
  public boolean isTimed() {
    return this == TIMEOUT || this == AUTO;
  }

  /** Parses the YAML spelling; empty when the text names no type. */
  public static Optional<TransitionType> fromYaml(String text) {
    for (TransitionType t : values()) {
      if (t.yamlName().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
