package dev.xcomponent.port;

/**
 * Filters of an instance listing; null means "any".
 *
 * @param component component name
 * @param machine machine name
 * @param state current state
 * @param status {@code active}, {@code completed} or {@code error}
 * @param limit maximum number of instances returned (≥ 1)
 */
public record InstanceQuery(String component, String machine, String state, String status, int limit) {
  public InstanceQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }
}
