package dev.xcomponent.port;

/**
 * Filters of an instance listing; null means "any". Listings go newest first: by creation time,
 * then id, both descending ({@link InstanceCursor} order reversed), finished instances still
 * retained included in that order.
 *
 * @param component component name
 * @param machine machine name
 * @param state current state
 * @param status {@code active}, {@code completed} or {@code error}
 * @param limit maximum number of instances returned (≥ 1)
 * @param after list only the instances after this position, i.e. created before it (the next page),
 *     or null from the start
 */
public record InstanceQuery(
    String component, String machine, String state, String status, int limit, InstanceCursor after) {
  public InstanceQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  /** A listing from the start. */
  public InstanceQuery(String component, String machine, String state, String status, int limit) {
    this(component, machine, state, status, limit, null);
  }

  /** Whether an instance with these names and status passes the filters (not the cursor). */
  public boolean matches(String machineName, String currentState, String currentStatus) {
    return (machine == null || machine.equals(machineName))
        && (state == null || state.equals(currentState))
        && (status == null || status.equals(currentStatus));
  }
}
