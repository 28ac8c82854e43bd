package dev.xcomponent.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer of one broker client. {@link KafkaProducer#send} may block (waiting for metadata or
 * buffer space, up to {@code max.block.ms}), so it is called on a thread of this class, never on
 * an event loop; calls keep their order. At most {@link #MAX_WAITING} publications wait for that
 * thread; beyond, a publication fails at once.
 */
final class Publisher {
  static final int MAX_WAITING = 10_000;

  private final Producer<String, byte[]> producer;
  private final ThreadPoolExecutor sender;

  Publisher(KafkaSettings settings) {
    this.producer = new KafkaProducer<>(ClientProperties.producer(settings), new StringSerializer(), new ByteArraySerializer());
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), r -> {
      Thread t = new Thread(r, "xc-kafka-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Completes when the broker acknowledged the record (all in-sync replicas wrote it). */
  CompletableFuture<Void> send(String topic, String key, byte[] value) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      sender.execute(() -> {
        try {
          producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
              acked.complete(null);
            } else {
              acked.completeExceptionally(error);
            }
          });
        } catch (RuntimeException e) {
          acked.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      acked.completeExceptionally(new IllegalStateException(sender.isShutdown()
          ? "the broker client is closed" : MAX_WAITING + " publications are already waiting to be sent"));
    }
    return acked;
  }

  /** Sends what is buffered (for at most {@code timeout}) and releases the producer; blocks. */
  void close(Duration timeout) {
    sender.shutdown();
    try {
      sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(timeout);
  }
}
