package dev.xcomponent.domain.routing;

import dev.xcomponent.domain.model.MatchingRule;
import java.util.List;
import java.util.Map;

/**
 * Evaluates matching rules against an event payload and the current instance data. All rules must
 * pass; a rule whose event or instance value is missing fails.
 */
public final class RuleEvaluator {
  private RuleEvaluator() {}

  /** True when every rule passes (true for an empty list). */
  public static boolean matches(
      List<MatchingRule> rules, Map<String, ?> payload, Map<String, ?> instanceData) {
    for (int i = 0, n = rules.size(); i < n; i++) {
      if (!matches(rules.get(i), payload, instanceData)) {
        return false;
      }
    }
    return true;
  }

  /** True when the rule passes: {@code instanceValue OP eventValue}. */
  public static boolean matches(
      MatchingRule rule, Map<String, ?> payload, Map<String, ?> instanceData) {
    Object eventValue = Paths.get(payload, rule.eventProperty());
    if (eventValue == Paths.MISSING) {
      return false;
    }
    return matchesValue(rule, eventValue, instanceData);
  }

  /** True when the instance satisfies the rule for an already resolved event value. */
  public static boolean matchesValue(
      MatchingRule rule, Object eventValue, Map<String, ?> instanceData) {
    Object instanceValue = Paths.get(instanceData, rule.instanceProperty());
    if (instanceValue == Paths.MISSING || eventValue == Paths.MISSING) {
      return false;
    }
    return Comparisons.compare(rule.operator(), instanceValue, eventValue);
  }
}
