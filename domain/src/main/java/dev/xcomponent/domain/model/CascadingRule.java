package dev.xcomponent.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A state-level rule run after every transition that ends in the owning state: it sends {@code
 * event} to the instances of {@code targetMachine} in {@code targetState}, in this component or in
 * {@code targetComponent}. String values of {@code payload} written {@code {{path}}} are replaced by
 * the typed value at that path of the source instance data.
 *
 * @param targetComponent another component, or null for this one
 * @param targetMachine machine of the target instances
 * @param targetState state of the target instances, or null for any
 * @param event event type sent
 * @param matchingRules rules selecting the targets; empty sends to every instance in the state
 * @param payload payload template
 */
public record CascadingRule(
    String targetComponent,
    String targetMachine,
    String targetState,
    String event,
    List<MatchingRule> matchingRules,
    Map<String, Object> payload) {
  public CascadingRule {
    Objects.requireNonNull(targetMachine, "targetMachine");
    Objects.requireNonNull(event, "event");
    matchingRules = List.copyOf(matchingRules);
    payload = Values.freeze(payload);
  }
}
