package dev.xcomponent.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transition from one state to another, fired by an event of type {@code event}.
 *
 * <p>Rules kept from the reference: a transition that has matching rules never merges the event
 * payload into the instance data; {@code resetOnTransition} defaults to true; {@code targetState}
 * is informative only.
 *
 * @param index position in the machine's transition list (0-based), the transition's identity
 * @param from source state
 * @param to target state
 * @param event triggering event type (exact, case-sensitive)
 * @param type transition type
 * @param timeoutMs delay of a timeout or auto transition, or null when not given
 * @param resetOnTransition whether a self-loop restarts this timeout
 * @param targetMachine machine created (inter_machine) or targeted (cross_component), or null
 * @param targetComponent destination component of a cross_component transition, or null
 * @param targetEvent event delivered to existing target instances instead of creating one, or null
 * @param targetState documented initial state of the target (not used by the runtime), or null
 * @param contextMapping target property to source path; null sends the whole source data
 * @param triggeredMethod user hook run during the transition, or null
 * @param matchingRules routing rules (all must pass)
 * @param notifyParent per-transition parent notification, or null
 * @param description free text, or null
 * @param metadata opaque values
 */
public record Transition(
    int index,
    String from,
    String to,
    String event,
    TransitionType type,
    Long timeoutMs,
    boolean resetOnTransition,
    String targetMachine,
    String targetComponent,
    String targetEvent,
    String targetState,
    Map<String, String> contextMapping,
    String triggeredMethod,
    List<MatchingRule> matchingRules,
    NotifyParent notifyParent,
    String description,
    Map<String, Object> metadata) {

  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(type, "type");
    matchingRules = List.copyOf(matchingRules);
    contextMapping =
        contextMapping == null
            ? null
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contextMapping));
    metadata = Values.freeze(metadata);
  }

  /** True when the transition returns to its own source state. */
  public boolean isSelfLoop() {
    return from.equals(to);
  }

  /** True when the transition declares at least one matching rule. */
  public boolean hasMatchingRules() {
    return !matchingRules.isEmpty();
  }

  /** The timer delay: {@code timeoutMs}, or 0 when absent. */
  public long delayMs() {
    return timeoutMs == null ? 0L : timeoutMs;
  }
}
