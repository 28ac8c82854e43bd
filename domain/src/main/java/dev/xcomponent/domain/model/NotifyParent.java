package dev.xcomponent.domain.model;

import java.util.Objects;

/**
 * Per-transition notification from a child instance to its parent; takes precedence over the
 * machine's {@link ParentLink}.
 *
 * @param event event type sent to the parent
 * @param includeState whether the payload carries {@code newState}
 * @param includeContext whether the payload carries {@code childContext}
 */
public record NotifyParent(String event, boolean includeState, boolean includeContext) {
  public NotifyParent {
    Objects.requireNonNull(event, "event");
  }
}
