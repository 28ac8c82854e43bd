package dev.xcomponent.adapter.kafka;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fan-out subscription: a consumer alone in a group of its own, {@code
 * <groupPrefix>.<topic>.<ms>.<random>}, as in the reference, so that it receives every message of
 * the topic.
 *
 * <p>It becomes active once it holds every partition of the topic and knows its position in each
 * (the end of the log when it first gets the partition), so every message published afterwards is
 * delivered. Nothing is committed: if the group loses and regains a partition (a broker restart),
 * reading resumes where this subscription stopped, not at the end of the log. Each message is
 * decoded on the loop thread and handed to the handler on the subscriber's context, in offset
 * order; a handler that throws loses that message only. At most {@code maxInFlight} messages wait
 * for the context at a time.
 */
final class FanOutSubscription extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutSubscription.class);

  private final Consumer<Map<String, Object>> handler;
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> backlog = new ArrayDeque<>();
  private final AtomicInteger queued = new AtomicInteger();
  private Set<TopicPartition> all = Set.of();

  FanOutSubscription(KafkaSettings settings, Context context, String channel, String topic,
      Consumer<Map<String, Object>> handler) {
    super(settings, context, "fanout", groupId(settings, topic), List.of(topic), "subscription to " + channel);
    this.handler = handler;
  }

  /** A group id nobody else uses: {@code <prefix>.<topic>.<ms>.<random>}. */
  static String groupId(KafkaSettings settings, String topic) {
    return settings.groupPrefix() + "." + topic + "." + System.currentTimeMillis() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  @Override
  protected void topicsKnown(Map<String, List<PartitionInfo>> partitions) {
    Set<TopicPartition> found = new HashSet<>();
    partitions.forEach((topic, infos) -> infos.forEach(i -> found.add(new TopicPartition(topic, i.partition()))));
    all = found;
  }

  @Override
  protected boolean isReady() {
    return consumer.assignment().containsAll(all);
  }

  @Override
  protected void initialize(TopicPartition partition) {
    Long known = next.get(partition);
    if (known != null) {
      consumer.seek(partition, known);
    } else {
      next.put(partition, consumer.position(partition, settings.requestTimeout()));
    }
  }

  @Override
  protected void released(Collection<TopicPartition> partitions, boolean clean) {
    // what was fetched and not handed out is fetched again if the partition comes back
    backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
  }

  @Override
  protected void beforePoll() {
    drain();
  }

  @Override
  protected void onRecords(ConsumerRecords<byte[], byte[]> records) {
    records.forEach(backlog::add);
    drain();
  }

  private void drain() {
    int max = settings.maxInFlight();
    while (!backlog.isEmpty() && queued.get() < max) {
      hand(backlog.poll());
    }
    flow(backlog.isEmpty() && queued.get() < max);
  }

  private void hand(ConsumerRecord<byte[], byte[]> record) {
    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    Map<String, Object> message;
    try {
      message = JsonMessages.decode(record.value());
    } catch (RuntimeException e) {
      LOG.warn("{}: record {}@{} is not a JSON object; skipped ({})", label, record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    queued.incrementAndGet();
    context.runOnContext(v -> {
      queued.decrementAndGet();
      if (!active()) {
        return;
      }
      try {
        handler.accept(message);
      } catch (Throwable t) {
        LOG.warn("{}: the handler failed on a message; that message is dropped", label, t);
      }
    });
  }
}
