package dev.xcomponent.domain.model;

/**
 * Machine-level parent link: when enabled, every transition of a child instance sends {@code
 * onStateChange} to its parent.
 *
 * @param enabled whether notifications are sent
 * @param onStateChange event type sent to the parent, or null
 */
public record ParentLink(boolean enabled, String onStateChange) {
  /** True when a notification must be sent on each transition. */
  public boolean active() {
    return enabled && onStateChange != null && !onStateChange.isEmpty();
  }
}
