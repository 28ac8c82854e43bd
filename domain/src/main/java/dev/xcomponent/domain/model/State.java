package dev.xcomponent.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A state of a machine.
 *
 * @param name unique name in the machine
 * @param type state type (missing means regular)
 * @param onEntry user hook run each time a transition enters the state (not at creation), or null;
 *     the deprecated {@code entryMethod} is folded in here by the loader
 * @param onExit user hook run each time a transition leaves the state, or null
 * @param cascadingRules rules run after every transition that ends here
 * @param description free text, or null
 * @param metadata opaque values
 */
public record State(
    String name,
    StateType type,
    String onEntry,
    String onExit,
    List<CascadingRule> cascadingRules,
    String description,
    Map<String, Object> metadata) {
  public State {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    cascadingRules = List.copyOf(cascadingRules);
    metadata = Values.freeze(metadata);
  }

  /** A regular state with no hooks or rules. */
  public static State regular(String name) {
    return new State(name, StateType.REGULAR, null, null, List.of(), null, Map.of());
  }

  /** True when arrival finishes an instance. */
  public boolean isTerminal() {
    return type.isTerminal();
  }
}
