package dev.xcomponent.port;

/**
 * An audit search over the latest snapshot of every instance: {@link SnapshotStore#search}. A null
 * filter means "any"; filters combine (all must hold).
 *
 * <p>{@code text} matches, case-insensitively, a substring of the instance id or of the instance
 * data rendered as JSON text (the public member when the machine has one, else the context). Every
 * character of it is literal: {@code %}, {@code _}, {@code '} or {@code \} are no wildcards. Match
 * a key or a value rather than JSON punctuation: the spacing and key order of the JSON rendering
 * differ between stores. ASCII letters fold in every store; other letters follow the store
 * (Unicode case rules in memory and Redis, the database collation in PostgreSQL).
 *
 * @param component component name, or null
 * @param machine machine name, or null
 * @param state current state (the state of the latest snapshot), or null
 * @param text substring of the id or data, or null (an empty text is taken as null)
 * @param limit most snapshots returned, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
 */
public record SnapshotSearch(String component, String machine, String state, String text, int limit) {
  /** Smallest limit. */
  public static final int MIN_LIMIT = 1;

  /** Largest limit. */
  public static final int MAX_LIMIT = 500;

  public SnapshotSearch {
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
    }
    text = text == null || text.isEmpty() ? null : text;
  }

  /** Any instance, newest first, at most {@code limit}. */
  public static SnapshotSearch any(int limit) {
    return new SnapshotSearch(null, null, null, null, limit);
  }

  /** Whether {@code s} passes the component, machine and state filters (not the text). */
  public boolean matchesNames(InstanceSnapshot s) {
    return (component == null || component.equals(s.componentName()))
        && (machine == null || machine.equals(s.machineName()))
        && (state == null || state.equals(s.state()));
  }
}
