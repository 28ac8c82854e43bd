package dev.xcomponent.adapter.kafka;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The delivery mark a consumer group keeps in the metadata of its committed offsets: every offset
 * below it may have been handed to a member's handler. A member records the mark (synchronously)
 * before it hands records out, so a member that takes the partition over later, in this process or
 * another, knows which records are redeliveries even when the previous member crashed. Metadata
 * that is not ours (offsets reset by a tool) counts as "nothing delivered beyond the offset".
 */
final class DispatchMark {
  private static final String PREFIX = "xcomponent:delivered-below=";

  private DispatchMark() {}

  /** Offset metadata recording {@code mark}. */
  static String format(long mark) {
    return PREFIX + mark;
  }

  /** The mark of a committed offset: at least its offset. */
  static long read(OffsetAndMetadata committed) {
    long mark = committed.offset();
    String metadata = committed.metadata();
    if (metadata != null && metadata.startsWith(PREFIX)) {
      try {
        mark = Math.max(mark, Long.parseLong(metadata.substring(PREFIX.length())));
      } catch (NumberFormatException e) {
        // not written by us: keep the offset
      }
    }
    return mark;
  }
}
