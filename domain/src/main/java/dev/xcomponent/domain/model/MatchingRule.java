package dev.xcomponent.domain.model;

import java.util.Objects;

/**
 * Selects instances by comparing a property of the event payload with a property of the instance
 * data. Both properties are dot paths ({@code customer.id}); a missing value fails the rule.
 *
 * @param eventProperty path in the event payload
 * @param instanceProperty path in the instance data (the public member when the machine has one)
 * @param operator comparison, instance value on the left
 */
public record MatchingRule(String eventProperty, String instanceProperty, Operator operator) {
  public MatchingRule {
    Objects.requireNonNull(eventProperty, "eventProperty");
    Objects.requireNonNull(instanceProperty, "instanceProperty");
    Objects.requireNonNull(operator, "operator");
  }
}
