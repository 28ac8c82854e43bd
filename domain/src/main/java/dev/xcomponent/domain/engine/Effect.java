package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.MatchingRule;
import java.util.List;
import java.util.Map;

/**
 * Something a transition asks the shell to do once it is recorded. Effects are listed in the order
 * they must be carried out; none runs inside the transition, so none can re-enter it.
 */
public sealed interface Effect {

  /** Send {@code event} to the parent instance (after the child's transition: no deadlock). */
  record NotifyParent(String parentId, Event event) implements Effect {}

  /** Create an instance of {@code machine} in this component, linked to its parent. */
  record CreateChild(
      String machine,
      Map<String, Object> data,
      String parentId,
      String parentMachine,
      String causationId,
      String correlationId)
      implements Effect {}

  /** Create an instance of {@code targetMachine} in another component. */
  record CreateInComponent(
      String targetComponent,
      String targetMachine,
      Map<String, Object> data,
      String causationId,
      String correlationId)
      implements Effect {}

  /**
   * Deliver {@code event} to the instances of {@code targetMachine} in {@code targetComponent}
   * whose data satisfies every rule against its resolved value.
   */
  record SignalComponent(
      String targetComponent, String targetMachine, Event event, List<ResolvedRule> rules)
      implements Effect {}

  /**
   * Run a cascading rule: send {@code event} to the instances of {@code rule.targetMachine()} in
   * {@code rule.targetState()} (in this or another component) satisfying {@code filters}.
   */
  record Cascade(CascadingRule rule, Event event, List<ResolvedRule> filters) implements Effect {}

  /** A cross-component transition with {@code targetEvent} but no rules: nothing is sent. */
  record DroppedSignal(String targetComponent, String targetMachine, String targetEvent, String reason)
      implements Effect {}

  /** A matching rule whose event-side value has been resolved at the source. */
  record ResolvedRule(MatchingRule rule, Object value) {}
}
