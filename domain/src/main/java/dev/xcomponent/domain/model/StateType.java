package dev.xcomponent.domain.model;

import java.util.Locale;
import java.util.Optional;

/** The kind of a state. Reaching a {@code FINAL} or {@code ERROR} state finishes an instance. */
public enum StateType {
  /** Documentation only: the start state is the machine's {@code initialState}. */
  ENTRY,
  REGULAR,
  /** Arrival sets the instance status to {@code completed}. */
  FINAL,
  /** Arrival sets the instance status to {@code error}. */
  ERROR;

  /** The YAML spelling of this type. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the types that finish an instance. */
  public boolean isTerminal() {
    return this == FINAL || this == ERROR;
  }

  /** Parses the YAML spelling; empty when the text names no type. */
  public static Optional<StateType> fromYaml(String text) {
    for (StateType t : values()) {
      if (t.yamlName().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
