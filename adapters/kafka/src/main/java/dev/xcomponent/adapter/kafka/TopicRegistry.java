package dev.xcomponent.adapter.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics on demand with the admin client, once per topic and client: {@code partitions}
 * partitions and {@code replicationFactor} replicas from the settings. A topic that already exists
 * counts as created; a failed creation is forgotten, so the next use tries again.
 */
final class TopicRegistry {
  private final Admin admin;
  private final KafkaSettings settings;
  private final ConcurrentMap<String, CompletableFuture<Void>> topics = new ConcurrentHashMap<>();

  TopicRegistry(Admin admin, KafkaSettings settings) {
    this.admin = admin;
    this.settings = settings;
  }

  /** Completes once {@code topic} exists; fails after the request timeout. */
  CompletableFuture<Void> ensure(String topic) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> known = topics.putIfAbsent(topic, mine);
    if (known != null) {
      return known;
    }
    mine.whenComplete((v, e) -> {
      if (e != null) {
        topics.remove(topic, mine);
      }
    });
    try {
      NewTopic spec = new NewTopic(topic, settings.partitions(), settings.replicationFactor());
      CreateTopicsOptions options = new CreateTopicsOptions().timeoutMs(ClientProperties.millis(settings.requestTimeout()));
      admin.createTopics(List.of(spec), options).all().whenComplete((v, e) -> {
        Throwable cause = unwrap(e);
        if (cause == null || cause instanceof TopicExistsException) {
          mine.complete(null);
        } else {
          mine.completeExceptionally(new IllegalStateException(
              "could not create Kafka topic " + topic + ": " + cause.getMessage(), cause));
        }
      });
    } catch (RuntimeException e) {
      mine.completeExceptionally(new IllegalStateException("could not create Kafka topic " + topic + ": " + e, e));
    }
    return mine;
  }

  /** Completes once every topic of {@code names} exists. */
  CompletableFuture<Void> ensureAll(List<String> names) {
    return CompletableFuture.allOf(names.stream().map(this::ensure).toArray(CompletableFuture[]::new));
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
