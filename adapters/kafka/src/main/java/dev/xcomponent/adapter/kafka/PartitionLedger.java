package dev.xcomponent.adapter.kafka;

import java.util.ArrayDeque;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a group member handed out from one partition it owns, and what it may commit.
 *
 * <p>Records are opened in offset order and settled in any order (when their handler's future
 * succeeded). The offset to commit is the end of the settled prefix: the first record not settled
 * yet, or one past the last record opened when all are settled. So a commit never skips a record
 * whose handler failed or still runs. The ledger also tracks the {@linkplain DispatchMark delivery
 * mark} stored with the commit. Used by the member's loop thread only.
 */
final class PartitionLedger {
  /** One record handed to the handler, until it is settled. */
  static final class Entry {
    final PartitionLedger ledger;
    final long offset;
    final Map<String, Object> message;
    int attempts;
    long retryAt;
    private boolean settled;

    private Entry(PartitionLedger ledger, long offset, Map<String, Object> message) {
      this.ledger = ledger;
      this.offset = offset;
      this.message = message;
    }
  }

  private final TopicPartition partition;
  private final long deliveredBefore;
  private final ArrayDeque<Entry> open = new ArrayDeque<>();
  private long committed;
  private long mark;
  private long settledUpTo;
  private int unsettled;

  /**
   * A ledger for a partition just assigned, whose group offset is {@code committed} and delivery
   * mark {@code mark}.
   */
  PartitionLedger(TopicPartition partition, long committed, long mark) {
    this.partition = partition;
    this.committed = committed;
    this.mark = Math.max(mark, committed);
    this.deliveredBefore = this.mark;
    this.settledUpTo = committed;
  }

  TopicPartition partition() {
    return partition;
  }

  /** Whether the record at {@code offset} may have reached a handler before this assignment. */
  boolean deliveredBefore(long offset) {
    return offset < deliveredBefore;
  }

  /** The delivery mark stored in Kafka: records below it may be handed out. */
  long mark() {
    return mark;
  }

  /** Records handed out and not settled. */
  int unsettled() {
    return unsettled;
  }

  /** Starts tracking the record at {@code offset}, which must follow every record opened before. */
  Entry open(long offset, Map<String, Object> message) {
    Entry e = new Entry(this, offset, message);
    open.addLast(e);
    unsettled++;
    return e;
  }

  /** The record's handler succeeded (or the record is skipped for good). */
  void settle(Entry e) {
    if (e.settled) {
      return;
    }
    e.settled = true;
    unsettled--;
    while (!open.isEmpty() && open.peekFirst().settled) {
      settledUpTo = open.pollFirst().offset + 1;
    }
  }

  /** Whether a commit is due: the settled prefix grew, or handing out up to {@code markNeeded} needs a higher mark. */
  boolean needsCommit(long markNeeded) {
    return settledUpTo > committed || markNeeded > mark;
  }

  /** The offset and mark to commit. */
  OffsetAndMetadata toCommit(long markNeeded) {
    return new OffsetAndMetadata(settledUpTo, DispatchMark.format(Math.max(mark, markNeeded)));
  }

  /** The commit of {@code done} succeeded. */
  void committed(OffsetAndMetadata done) {
    committed = Math.max(committed, done.offset());
    mark = Math.max(mark, DispatchMark.read(done));
  }
}
