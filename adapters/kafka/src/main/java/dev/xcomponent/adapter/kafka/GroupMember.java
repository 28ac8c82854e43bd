package dev.xcomponent.adapter.kafka;

import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.DeliveryHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of a consumer group {@code <groupPrefix>.<group>}: each record of the group's topics
 * goes to one member, and its offset is committed only once the handler's future succeeded.
 *
 * <ul>
 *   <li><b>Where a group starts.</b> When a partition has no committed offset yet (a new group),
 *       the member starts at the end of the log and commits that position at once, before it
 *       becomes active: history is not replayed, and what is published from then on waits in Kafka
 *       for the group, even while no member runs.
 *   <li><b>Commits.</b> Per partition, the end of the prefix of settled records is committed (see
 *       {@link PartitionLedger}), before each round of deliveries and when the partition leaves.
 *   <li><b>Failures.</b> A handler whose future fails (or that throws) gets the same message again
 *       after {@code redeliveryDelay}, doubled at each failure up to a cap, marked {@code
 *       redelivered}; the message is never skipped, so a message that always fails holds the
 *       commit of its partition back (later messages are still delivered).
 *   <li><b>Redelivered flag.</b> When it hands records out, the member also records a {@linkplain
 *       DispatchMark delivery mark} with an asynchronous commit (a synchronous one would add a
 *       broker round trip to every delivery: about 10 ms here). A record below the mark found at
 *       assignment, or handed out again after a failure, is marked {@code redelivered}. A member
 *       that dies before its mark lands leaves records that the next owner sees as new: the flag
 *       is a hint, and receivers deduplicate by message id.
 *   <li><b>Leaving.</b> On cancel, close or a rebalance that moves a partition away, the settled
 *       prefix is committed and the rest is left to the next owner; later outcomes of handlers
 *       that still run are ignored.
 *   <li><b>Bound.</b> At most {@code maxInFlight} records are handed out and unsettled at a time;
 *       beyond, the member stops fetching but stays in the group.
 * </ul>
 */
final class GroupMember extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);

  private final String group;
  private final DeliveryHandler handler;
  private final Map<String, String> channels;
  private final Map<TopicPartition, PartitionLedger> ledgers = new HashMap<>();
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> backlog = new ArrayDeque<>();
  private final List<PartitionLedger.Entry> retries = new ArrayList<>();

  /**
   * A member of group {@code group}, whose Kafka consumer group is {@code groupId}.
   *
   * @param channels the channel of each topic, in the order given to {@code consume}
   */
  GroupMember(KafkaSettings settings, Context context, String group, String groupId, Map<String, String> channels,
      DeliveryHandler handler) {
    super(settings, context, "group", groupId, List.copyOf(channels.keySet()), "member of group " + groupId);
    this.group = group;
    this.handler = handler;
    this.channels = Map.copyOf(channels);
  }

  @Override
  protected void initialize(TopicPartition partition) {
    Duration timeout = settings.requestTimeout();
    OffsetAndMetadata committed = consumer.committed(Set.of(partition), timeout).get(partition);
    PartitionLedger ledger;
    if (committed == null) {
      long start = consumer.position(partition, timeout);
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(start, DispatchMark.format(start))), timeout);
      ledger = new PartitionLedger(partition, start, start);
    } else {
      consumer.seek(partition, committed);
      ledger = new PartitionLedger(partition, committed.offset(), DispatchMark.read(committed));
    }
    ledgers.put(partition, ledger);
  }

  @Override
  protected void released(Collection<TopicPartition> partitions, boolean clean) {
    if (clean) {
      Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
      for (TopicPartition tp : partitions) {
        PartitionLedger ledger = ledgers.get(tp);
        if (ledger != null && ledger.needsCommit(0)) {
          due.put(tp, ledger.toCommit(0));
        }
      }
      commit(due);
    }
    for (TopicPartition tp : partitions) {
      ledgers.remove(tp);
    }
    backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
    retries.removeIf(e -> partitions.contains(e.ledger.partition()));
  }

  @Override
  protected void beforePoll() {
    redeliverDue();
    handOut();
  }

  @Override
  protected void onRecords(ConsumerRecords<byte[], byte[]> records) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      if (ledgers.containsKey(new TopicPartition(r.topic(), r.partition()))) {
        backlog.add(r);
      }
    }
    handOut();
  }

  @Override
  protected void beforeClose() {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    ledgers.forEach((tp, ledger) -> {
      if (ledger.needsCommit(0)) {
        due.put(tp, ledger.toCommit(0));
      }
    });
    commit(due);
  }

  /** Commits what is settled, records the mark for the next batch, then hands the batch out. */
  private void handOut() {
    int room = settings.maxInFlight() - inFlight();
    Map<TopicPartition, Long> marks = new HashMap<>();
    Iterator<ConsumerRecord<byte[], byte[]>> it = backlog.iterator();
    for (int i = 0; i < room && it.hasNext(); i++) {
      ConsumerRecord<byte[], byte[]> r = it.next();
      marks.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
    }
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    ledgers.forEach((tp, ledger) -> {
      long mark = marks.getOrDefault(tp, 0L);
      if (ledger.needsCommit(mark)) {
        due.put(tp, ledger.toCommit(mark));
      }
    });
    commitAsync(due);
    for (int i = 0; i < room && !backlog.isEmpty(); i++) {
      ConsumerRecord<byte[], byte[]> r = backlog.peekFirst();
      PartitionLedger ledger = ledgers.get(new TopicPartition(r.topic(), r.partition()));
      backlog.pollFirst();
      if (ledger != null) {
        hand(ledger, r);
      }
    }
    flow(backlog.isEmpty() && inFlight() < settings.maxInFlight());
  }

  private void commitAsync(Map<TopicPartition, OffsetAndMetadata> due) {
    if (due.isEmpty()) {
      return;
    }
    // The callback runs on this loop's thread, inside a later poll or commit.
    consumer.commitAsync(due, (offsets, e) -> {
      if (e != null) {
        problem("committing offsets failed", e instanceof RuntimeException re ? re : new RuntimeException(e));
        return;
      }
      offsets.forEach((tp, done) -> {
        PartitionLedger ledger = ledgers.get(tp);
        if (ledger != null) {
          ledger.committed(done);
        }
      });
    });
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> due) {
    if (due.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(due, settings.requestTimeout());
      due.forEach((tp, done) -> {
        PartitionLedger ledger = ledgers.get(tp);
        if (ledger != null) {
          ledger.committed(done);
        }
      });
    } catch (RuntimeException e) {
      problem("committing offsets failed", e);
    }
  }

  private void hand(PartitionLedger ledger, ConsumerRecord<byte[], byte[]> record) {
    Map<String, Object> message;
    try {
      message = JsonMessages.decode(record.value());
    } catch (RuntimeException e) {
      LOG.error("{}: record {}@{} is not a JSON object; skipped for good ({})", label, ledger.partition(),
          record.offset(), e.getMessage());
      ledger.settle(ledger.open(record.offset(), Map.of()));
      return;
    }
    String addressee = Channels.addressee(channels.get(record.topic()), message);
    if (addressee != null && !addressee.equals(group)) {
      // A command for another component: settled here, without a hand-off to the handler, which
      // would only drop it (MessageBroker#consume allows leaving it out).
      ledger.settle(ledger.open(record.offset(), Map.of()));
      return;
    }
    deliver(ledger.open(record.offset(), message), ledger.deliveredBefore(record.offset()));
  }

  private void deliver(PartitionLedger.Entry entry, boolean redelivered) {
    entry.attempts++;
    MessageBroker.Delivery delivery =
        new MessageBroker.Delivery(channels.get(entry.ledger.partition().topic()), entry.message, redelivered);
    context.runOnContext(v -> {
      if (!active()) {
        return; // left unsettled: the next owner of the partition gets it
      }
      Future<Void> outcome;
      try {
        outcome = handler.handle(delivery);
        if (outcome == null) {
          outcome = Future.failedFuture(new IllegalStateException("the delivery handler returned no future"));
        }
      } catch (Throwable t) {
        outcome = Future.failedFuture(t);
      }
      outcome.onComplete(ar -> execute(() -> settle(entry, ar.cause())));
    });
  }

  private void settle(PartitionLedger.Entry entry, Throwable failure) {
    if (ledgers.get(entry.ledger.partition()) != entry.ledger) {
      return; // the partition moved on; its next owner delivers the record again
    }
    if (failure == null) {
      entry.ledger.settle(entry);
      return;
    }
    Duration delay = delay(entry.attempts);
    if (Integer.bitCount(entry.attempts) == 1) {
      LOG.warn("{}: delivery {}@{} failed {} time(s), again in {} ms ({})", label, entry.ledger.partition(),
          entry.offset, entry.attempts, delay.toMillis(), failure.toString());
    }
    entry.retryAt = System.nanoTime() + delay.toNanos();
    retries.add(entry);
  }

  private void redeliverDue() {
    if (retries.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (Iterator<PartitionLedger.Entry> it = retries.iterator(); it.hasNext(); ) {
      PartitionLedger.Entry entry = it.next();
      if (entry.retryAt - now <= 0) {
        it.remove();
        if (ledgers.get(entry.ledger.partition()) == entry.ledger) {
          deliver(entry, true);
        }
      }
    }
  }

  private Duration delay(int attempts) {
    Duration first = settings.redeliveryDelay();
    Duration cap = first.compareTo(KafkaSettings.MAX_REDELIVERY_DELAY) > 0 ? first : KafkaSettings.MAX_REDELIVERY_DELAY;
    Duration d = first.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return d.compareTo(cap) > 0 ? cap : d;
  }

  private int inFlight() {
    int n = 0;
    for (PartitionLedger ledger : ledgers.values()) {
      n += ledger.unsettled();
    }
    return n;
  }
}
