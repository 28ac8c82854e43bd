package dev.xcomponent.app.observability;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps label values bounded: a component, machine or state name becomes a label only when the
 * components served declare it (names come from the YAML, never from instance data). Anything
 * else, such as a name in a malformed broker message, is reported as {@link #UNKNOWN}.
 */
final class Names {
  static final String UNKNOWN = "unknown";

  private final Function<String, Optional<Component>> components;

  Names(Function<String, Optional<Component>> components) {
    this.components = components;
  }

  /** Whether {@code component} is served. */
  boolean known(String component) {
    return component != null && components.apply(component).isPresent();
  }

  /** Whether {@code component} declares {@code machine} and, unless null, its {@code state}. */
  boolean known(String component, String machine, String state) {
    if (component == null || machine == null) {
      return false;
    }
    StateMachine m = components.apply(component).map(c -> c.machine(machine)).orElse(null);
    return m != null && (state == null || m.declaresState(state));
  }
}
