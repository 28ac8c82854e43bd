package dev.xcomponent.adapter.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The configuration of the Kafka clients the adapter opens, derived from {@link KafkaSettings}.
 *
 * <ul>
 *   <li>All clients: bootstrap servers, TLS and SASL/PLAIN from the URL, a capped and jittered
 *       reconnect backoff (the clients reconnect by themselves), bounded requests, a unique {@code
 *       client.id} starting with the configured one.
 *   <li>Producer: idempotent, {@code acks=all}, a publication fails after {@code publishTimeout}
 *       whether it is stuck waiting for metadata, for buffer space or for the acknowledgement.
 *   <li>Consumers: classic group protocol with the cooperative-sticky assignor (a rebalance moves
 *       only the partitions that must move), no automatic commit, new groups start at the end of
 *       the log, topics are never created by a subscription.
 * </ul>
 */
final class ClientProperties {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ClientProperties() {}

  static Map<String, Object> admin(KafkaSettings s) {
    Map<String, Object> p = common(s, "admin");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(s.requestTimeout()));
    return p;
  }

  static Map<String, Object> producer(KafkaSettings s) {
    Map<String, Object> p = common(s, "producer");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // delivery.timeout.ms must cover linger.ms + request.timeout.ms
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(s.publishTimeout()));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(s.publishTimeout()));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) millis(s.publishTimeout()));
    return p;
  }

  /** A consumer of group {@code groupId}. */
  static Map<String, Object> consumer(KafkaSettings s, String kind, String groupId) {
    Map<String, Object> p = common(s, kind);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, s.maxInFlight());
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, millis(s.sessionTimeout()));
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, millis(s.heartbeatInterval()));
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(s.requestTimeout()));
    return p;
  }

  private static Map<String, Object> common(KafkaSettings s, String kind) {
    Map<String, Object> p = new HashMap<>();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, s.clientId() + "-" + kind + "-" + SEQUENCE.incrementAndGet());
    p.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, (long) millis(s.reconnectBackoff()));
    p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, (long) millis(s.reconnectBackoffMax()));
    p.put(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, (long) millis(s.reconnectBackoff()));
    p.put(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, (long) millis(s.reconnectBackoffMax()));
    p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(s.requestTimeout()));
    p.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis(s.requestTimeout()));
    p.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis(s.requestTimeout()));
    p.put(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, (long) millis(s.metadataMaxAge()));
    if (s.user() != null) {
      p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, s.tls() ? "SASL_SSL" : "SASL_PLAINTEXT");
      p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
      p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(s.user(), s.password()));
    } else {
      p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, s.tls() ? "SSL" : "PLAINTEXT");
    }
    return p;
  }

  /** The JAAS line of SASL/PLAIN; quotes and backslashes in the values are escaped. */
  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + quote(user)
        + "\" password=\"" + quote(password) + "\";";
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
