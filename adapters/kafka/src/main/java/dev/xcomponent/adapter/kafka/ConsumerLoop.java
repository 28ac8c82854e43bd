package dev.xcomponent.adapter.kafka;

import dev.xcomponent.port.MessageBroker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer in a group, and the thread that alone touches it (a {@link KafkaConsumer} is
 * not thread-safe). The thread waits until the cluster knows the topics, subscribes, then polls in
 * short rounds; between rounds it runs the commands other threads queued with {@link #execute}.
 *
 * <p>A newly assigned partition is paused until {@link #initialize} fixed where reading starts in
 * it; a subclass then resumes or pauses partitions with {@link #flow} to bound what it holds. The
 * subscription becomes active (the future of {@link #start} completes) once the group assigned
 * partitions to this member, every assigned partition is initialized and {@link #isReady} agrees;
 * it fails after {@code joinTimeout}.
 *
 * <p>Handlers run on the Vert.x {@link #context} of the subscriber; {@link #active()} turns false
 * as soon as the subscription is cancelled, so that nothing is handed to a handler afterwards.
 */
abstract class ConsumerLoop implements MessageBroker.Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long STOP_GRACE_NANOS = Duration.ofSeconds(2).toNanos();
  private static final long PROBLEM_LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Settings of the broker client. */
  protected final KafkaSettings settings;
  /** Where handlers run. */
  protected final Context context;
  /** For logs: what this loop is. */
  protected final String label;
  /** The consumer; only the loop thread uses it, and only once {@link #run} created it. */
  protected Consumer<byte[], byte[]> consumer;

  private final String kind;
  private final Map<String, Object> config;
  private final List<String> topics;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<MessageBroker.Subscription> started = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final Set<TopicPartition> initializing = new HashSet<>();
  private volatile boolean stopping;
  private volatile long stopRequestedAt;
  private volatile boolean active = true;
  private boolean assigned;
  private Throwable lastProblem;
  private long lastProblemLogged;

  ConsumerLoop(KafkaSettings settings, Context context, String kind, String groupId, List<String> topics, String label) {
    this.settings = settings;
    this.context = context;
    this.kind = kind;
    this.label = label;
    this.topics = List.copyOf(topics);
    this.config = ClientProperties.consumer(settings, kind, groupId);
  }

  // ---- life cycle, any thread --------------------------------------------------------------------

  /** Starts the thread; the future completes on the subscriber's context once the loop is active. */
  final Future<MessageBroker.Subscription> start() {
    Thread thread = new Thread(this::run, "xc-kafka-" + kind + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    return Future.fromCompletionStage(started, context);
  }

  /**
   * Stops delivery at once and leaves the group: what was handed out and not finished goes to
   * another member. Completes on the caller's context once the consumer is closed.
   */
  @Override
  public final Future<Void> cancel() {
    Context caller = Vertx.currentContext();
    return Future.fromCompletionStage(stop(), caller != null ? caller : context);
  }

  /**
   * Asks the loop to end; the future completes once the consumer is closed. Handlers get nothing
   * more from now on; the loop itself stops through the subscriber's context, after the task that
   * runs there now, so that the outcome of a handler that just finished is still counted.
   */
  final CompletableFuture<Void> stop() {
    active = false;
    if (stopRequestedAt == 0) {
      stopRequestedAt = System.nanoTime() | 1;
      try {
        context.runOnContext(v -> stopping = true);
      } catch (RuntimeException e) {
        stopping = true;
      }
    }
    return finished;
  }

  /** Completes once the loop ended, for whatever reason. */
  final CompletableFuture<Void> finished() {
    return finished;
  }

  /** False once the subscription was cancelled: hand nothing more to the handler. */
  protected final boolean active() {
    return active;
  }

  /** Runs {@code command} on the loop thread between two polls (dropped once the loop ended). */
  protected final void execute(Runnable command) {
    commands.add(command);
  }

  // ---- hooks, loop thread ------------------------------------------------------------------------

  /** The cluster knows the topics; {@code partitions} maps each to its partitions. */
  protected void topicsKnown(Map<String, List<PartitionInfo>> partitions) {}

  /** Fixes where reading starts in a newly assigned, paused partition; throws to be retried. */
  protected abstract void initialize(TopicPartition partition);

  /** The partitions left this member: cleanly (revoked, may still commit) or not (lost). */
  protected abstract void released(Collection<TopicPartition> partitions, boolean clean);

  /** Called before each poll: time for commits, deliveries and {@link #flow}. */
  protected abstract void beforePoll();

  /** Records of initialized, resumed partitions, in offset order per partition. */
  protected abstract void onRecords(ConsumerRecords<byte[], byte[]> records);

  /** Called once before the consumer is closed on purpose. */
  protected void beforeClose() {}

  /** An extra condition for becoming active, checked once partitions are assigned and initialized. */
  protected boolean isReady() {
    return true;
  }

  /**
   * Resumes fetching from every initialized partition ({@code open}) or pauses them all. Polling
   * goes on either way, so the member keeps its place in the group.
   */
  protected final void flow(boolean open) {
    Set<TopicPartition> assignment = consumer.assignment();
    if (assignment.isEmpty()) {
      return;
    }
    if (!open) {
      consumer.pause(assignment);
      return;
    }
    List<TopicPartition> ready = new ArrayList<>();
    List<TopicPartition> waiting = new ArrayList<>();
    for (TopicPartition tp : assignment) {
      (initializing.contains(tp) ? waiting : ready).add(tp);
    }
    consumer.resume(ready);
    consumer.pause(waiting);
  }

  /** Notes a problem the loop survives; logs it now and then, not at every poll. */
  protected final void problem(String what, Throwable e) {
    lastProblem = e;
    long now = System.nanoTime();
    if (lastProblemLogged == 0 || now - lastProblemLogged > PROBLEM_LOG_INTERVAL_NANOS) {
      lastProblemLogged = now;
      LOG.warn("{}: {} ({}); retrying", label, what, e.toString());
    } else {
      LOG.debug("{}: {}", label, what, e);
    }
  }

  // ---- the loop ----------------------------------------------------------------------------------

  private void run() {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    try {
      consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      topicsKnown(awaitTopics(deadline));
      consumer.subscribe(topics, new Listener());
      while (!stopping) {
        runCommands();
        try {
          initializePending();
          beforePoll();
          ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
          if (!records.isEmpty()) {
            onRecords(records);
          }
          if (!started.isDone() && assigned && initializing.isEmpty() && isReady()) {
            LOG.debug("{} active", label);
            started.complete(this);
          }
        } catch (RuntimeException e) {
          if (!started.isDone() && fatal(e)) {
            throw e;
          }
          problem("consumer call failed", e);
          sleep(POLL);
        }
        if (stopRequestedAt != 0 && System.nanoTime() - stopRequestedAt > STOP_GRACE_NANOS) {
          stopping = true; // the context did not run our task (closed or blocked): stop anyway
        }
        if (!started.isDone() && System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(label + " did not join its group within " + settings.joinTimeout()
              + (lastProblem == null ? "" : " (last problem: " + lastProblem + ")"));
        }
      }
      runCommands();
      beforeClose();
    } catch (Throwable e) {
      if (!started.completeExceptionally(failure(e))) {
        LOG.error("{} stopped on an unexpected error", label, e);
      }
    } finally {
      active = false;
      if (consumer != null) {
        try {
          consumer.close(CloseOptions.timeout(settings.requestTimeout()));
        } catch (RuntimeException e) {
          LOG.warn("{}: closing the consumer failed ({})", label, e.toString());
        }
      }
      commands.clear();
      started.completeExceptionally(new IllegalStateException(label + " was cancelled before it became active"));
      finished.complete(null);
    }
  }

  private Map<String, List<PartitionInfo>> awaitTopics(long deadline) {
    Map<String, List<PartitionInfo>> found = new HashMap<>();
    for (String topic : topics) {
      while (true) {
        try {
          List<PartitionInfo> partitions = consumer.partitionsFor(topic, settings.requestTimeout());
          if (partitions != null && !partitions.isEmpty()) {
            found.put(topic, partitions);
            break;
          }
        } catch (RuntimeException e) {
          if (fatal(e)) {
            throw e;
          }
          problem("looking up topic " + topic + " failed", e);
        }
        if (stopping || stopRequestedAt != 0) {
          throw new IllegalStateException(label + " was cancelled before it became active");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("topic " + topic + " did not show up in the cluster metadata within "
              + settings.joinTimeout() + (lastProblem == null ? "" : " (last problem: " + lastProblem + ")"));
        }
        sleep(Duration.ofMillis(100));
      }
    }
    return found;
  }

  private void runCommands() {
    Runnable command;
    while ((command = commands.poll()) != null) {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.error("{}: internal command failed", label, e);
      }
    }
  }

  private void initializePending() {
    if (initializing.isEmpty()) {
      return;
    }
    for (TopicPartition tp : List.copyOf(initializing)) {
      initialize(tp);
      initializing.remove(tp);
    }
  }

  private static boolean fatal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof AuthorizationException
          || t instanceof InvalidGroupIdException || t instanceof InvalidTopicException
          || t instanceof ConfigException) {
        return true;
      }
    }
    return false;
  }

  private Throwable failure(Throwable e) {
    if (e instanceof IllegalStateException) {
      return e;
    }
    return new IllegalStateException(label + " could not start: " + e, e);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs inside {@code poll} (or {@code close}) on the loop thread. */
  private final class Listener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = true;
      if (!partitions.isEmpty()) {
        consumer.pause(partitions);
        initializing.addAll(partitions);
      }
      LOG.debug("{} assigned {}", label, partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      initializing.removeAll(partitions);
      released(partitions, true);
      LOG.debug("{} revoked {}", label, partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      initializing.removeAll(partitions);
      released(partitions, false);
      LOG.debug("{} lost {}", label, partitions);
    }
  }
}
