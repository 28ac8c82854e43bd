package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads matching rules (of transitions and cascading rules) and the cascading rules of a state.
 *
 * <p>Rules: a matching rule requires {@code eventProperty} and {@code instanceProperty}; its
 * {@code operator} defaults to {@code ===}. A cascading rule requires {@code targetMachine} and
 * {@code event}; without {@code targetComponent}, a {@code targetMachine} that is not a machine of
 * this component loads with a warning.
 */
final class RuleReader {
  private RuleReader() {}

  /** The {@code matchingRules} of {@code owner}; empty when absent. */
  static List<MatchingRule> matchingRules(Node owner) {
    List<Node> nodes =
        owner.list(
            "matchingRules",
            ComponentKeys.MAX_LIST_ITEMS,
            k -> "matching rule #" + (k + 1) + " of " + owner.what());
    if (nodes == null) {
      return List.of();
    }
    List<MatchingRule> rules = new ArrayList<>(nodes.size());
    for (Node r : nodes) {
      if (!r.expectMapping()) {
        continue;
      }
      ComponentChecks.unknownKeys(r, ComponentKeys.MATCHING_RULE, Set.of());
      String eventProperty = r.requiredString("eventProperty");
      String instanceProperty = r.requiredString("instanceProperty");
      Operator op =
          r.choice("operator", ComponentKeys.OPERATORS, Operator::fromSymbol, Operator.EQ);
      if (eventProperty != null && instanceProperty != null) {
        rules.add(new MatchingRule(eventProperty, instanceProperty, op));
      }
    }
    return rules;
  }

  /** The {@code cascadingRules} of a state; empty when absent. */
  static List<CascadingRule> cascadingRules(Node state, Set<String> machineNames) {
    List<Node> nodes =
        state.list(
            "cascadingRules",
            ComponentKeys.MAX_LIST_ITEMS,
            k -> "cascading rule #" + (k + 1) + " of " + state.what());
    if (nodes == null) {
      return List.of();
    }
    List<CascadingRule> rules = new ArrayList<>(nodes.size());
    for (Node r : nodes) {
      if (!r.expectMapping()) {
        continue;
      }
      ComponentChecks.unknownKeys(r, ComponentKeys.CASCADING_RULE, Set.of());
      String targetComponent = r.string("targetComponent");
      String targetMachine = r.requiredString("targetMachine");
      String targetState = r.string("targetState");
      String event = r.requiredString("event");
      List<MatchingRule> matching = matchingRules(r);
      Map<String, Object> payload = r.opaque("payload");
      if (targetComponent == null) {
        ComponentChecks.targetMachine(
            r,
            targetMachine,
            new ComponentChecks.Scope(state.what(), null, machineNames),
            "set targetComponent when the machine belongs to another component");
      }
      if (targetMachine != null && event != null) {
        rules.add(
            new CascadingRule(
                targetComponent, targetMachine, targetState, event, matching, payload));
      }
    }
    return rules;
  }
}
