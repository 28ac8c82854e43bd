package dev.xcomponent.port;

import java.util.Set;

/**
 * What an append did with idempotency keys: the ids of the events that were not written because an
 * event with the same idempotency key was already stored. Every other event of the batch was
 * written.
 *
 * @param duplicates ids of the events skipped as duplicates
 */
public record AppendResult(Set<String> duplicates) {
  public static final AppendResult ALL_WRITTEN = new AppendResult(Set.of());

  public AppendResult {
    duplicates = Set.copyOf(duplicates);
  }
}
