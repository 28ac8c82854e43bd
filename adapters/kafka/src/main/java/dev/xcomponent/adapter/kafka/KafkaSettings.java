package dev.xcomponent.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the Kafka broker is and how patiently the adapter talks to it, validated once at
 * construction.
 *
 * <p>{@link #fromUrl} accepts every URL form of the deployment guide:
 *
 * <ul>
 *   <li>{@code kafka://host:9092}; a host without port gets 9092;
 *   <li>{@code kafka://b1:9092,b2:9092}: several bootstrap brokers (the reference crashes on this
 *       form, this adapter accepts it);
 *   <li>{@code kafka://user:password@host:9092}: SASL/PLAIN; user and password are percent-decoded;
 *   <li>{@code kafkas://host:9093}: TLS (the JVM's trust store checks the broker's certificate and
 *       host name); a host without port gets 9093;
 *   <li>{@code kafkas://user:password@host:9093}: TLS with SASL/PLAIN;
 *   <li>{@code ?clientId=myapp} (default {@code xcomponent-<pid>}) and {@code ?groupId=mygroup},
 *       the prefix of every consumer group id (default {@code xcomponent}).
 * </ul>
 *
 * <p>Every wait is bounded: opening the client, creating a topic, publishing, committing and
 * joining a group fail after their timeout instead of piling work up. The password never leaves
 * this class in clear: {@link #describe()} and {@link #toString()} mask it.
 *
 * @param servers bootstrap brokers as {@code host:port} (an IPv6 host in brackets)
 * @param tls whether connections use TLS ({@code kafkas://})
 * @param user SASL/PLAIN user, or null for no authentication
 * @param password SASL/PLAIN password (null exactly when {@code user} is); keep it out of logs
 * @param clientId {@code client.id} prefix of every Kafka client this adapter opens
 * @param groupPrefix first segment of every consumer group id
 * @param partitions partitions of the topics the adapter creates; with more than one, messages keep
 *     their publication order per record key (the instance id) only
 * @param replicationFactor replication factor of the topics the adapter creates
 * @param connectTimeout how long {@link KafkaMessageBroker#open} waits for the cluster to answer
 * @param requestTimeout bound on one admin request, offset fetch or commit
 * @param publishTimeout bound on a publication, from the call until the broker's acknowledgement
 *     ({@code delivery.timeout.ms} and {@code max.block.ms})
 * @param reconnectBackoff first wait before reconnecting to a broker ({@code reconnect.backoff.ms})
 * @param reconnectBackoffMax cap of the exponential, jittered reconnect wait
 * @param sessionTimeout group session timeout: a member silent this long is replaced
 * @param heartbeatInterval group heartbeat interval; members learn of a rebalance this fast
 * @param joinTimeout bound on a subscription or membership becoming active
 * @param metadataMaxAge how often clients refresh cluster metadata even when nothing changed
 * @param healthInterval how often the connection is probed for {@code state()}; a probe fails after
 *     the same time
 * @param maxInFlight deliveries a subscription or group member has handed to its handler and not
 *     finished at most; beyond, it stops fetching
 * @param redeliveryDelay wait before a failed group delivery is delivered again; doubles with each
 *     failure of the same message, up to {@link #MAX_REDELIVERY_DELAY} (or this value if larger)
 */
public record KafkaSettings(
    List<String> servers,
    boolean tls,
    String user,
    String password,
    String clientId,
    String groupPrefix,
    int partitions,
    short replicationFactor,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration publishTimeout,
    Duration reconnectBackoff,
    Duration reconnectBackoffMax,
    Duration sessionTimeout,
    Duration heartbeatInterval,
    Duration joinTimeout,
    Duration metadataMaxAge,
    Duration healthInterval,
    int maxInFlight,
    Duration redeliveryDelay) {

  /** Group id prefix of the reference implementation. */
  public static final String DEFAULT_GROUP_PREFIX = "xcomponent";
  public static final int DEFAULT_PARTITIONS = 1;
  public static final short DEFAULT_REPLICATION_FACTOR = 1;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(2);
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_METADATA_MAX_AGE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_IN_FLIGHT = 100;
  public static final Duration DEFAULT_REDELIVERY_DELAY = Duration.ofMillis(200);
  /** Cap of the doubling redelivery delay. */
  public static final Duration MAX_REDELIVERY_DELAY = Duration.ofSeconds(10);

  private static final String NAME = "[A-Za-z0-9._-]{1,200}";
  private static final String SERVER = "([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}";

  /** Rejects values that cannot work, naming the field and never echoing the password. */
  public KafkaSettings {
    Objects.requireNonNull(servers, "servers");
    servers = List.copyOf(servers);
    require(!servers.isEmpty(), "servers must name at least one broker");
    for (String s : servers) {
      require(s.matches(SERVER), "server '" + s + "' is not host:port");
    }
    require((user == null) == (password == null), "user and password go together (SASL/PLAIN)");
    require(user == null || !user.isEmpty(), "user must not be empty");
    require(clientId != null && clientId.matches(NAME),
        "clientId must be 1 to 200 letters, digits, '.', '_' or '-', got '" + clientId + "'");
    require(groupPrefix != null && groupPrefix.matches(NAME),
        "groupId (the group prefix) must be 1 to 200 letters, digits, '.', '_' or '-', got '" + groupPrefix + "'");
    require(partitions >= 1, "partitions must be at least 1, got " + partitions);
    require(replicationFactor >= 1, "replicationFactor must be at least 1, got " + replicationFactor);
    positive("connectTimeout", connectTimeout);
    positive("requestTimeout", requestTimeout);
    positive("publishTimeout", publishTimeout);
    positive("reconnectBackoff", reconnectBackoff);
    positive("reconnectBackoffMax", reconnectBackoffMax);
    require(reconnectBackoffMax.compareTo(reconnectBackoff) >= 0, "reconnectBackoffMax must not be below reconnectBackoff");
    positive("sessionTimeout", sessionTimeout);
    positive("heartbeatInterval", heartbeatInterval);
    require(heartbeatInterval.compareTo(sessionTimeout) < 0, "heartbeatInterval must be shorter than sessionTimeout");
    positive("joinTimeout", joinTimeout);
    positive("metadataMaxAge", metadataMaxAge);
    positive("healthInterval", healthInterval);
    require(maxInFlight >= 1 && maxInFlight <= 10_000, "maxInFlight must be between 1 and 10000, got " + maxInFlight);
    positive("redeliveryDelay", redeliveryDelay);
  }

  /**
   * Settings for {@code url} (see the class comment for the forms) with every other value at its
   * default.
   *
   * @throws IllegalArgumentException naming what is wrong and the accepted forms, never the password
   */
  public static KafkaSettings fromUrl(String url) {
    KafkaUrl.Parts p = KafkaUrl.parse(url);
    String clientId = p.clientId() != null ? p.clientId() : "xcomponent-" + ProcessHandle.current().pid();
    String group = p.groupId() != null ? p.groupId() : DEFAULT_GROUP_PREFIX;
    try {
      return new KafkaSettings(p.servers(), p.tls(), p.user(), p.password(), clientId, group,
          DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
          DEFAULT_PUBLISH_TIMEOUT, DEFAULT_RECONNECT_BACKOFF, DEFAULT_RECONNECT_BACKOFF_MAX,
          DEFAULT_SESSION_TIMEOUT, DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_JOIN_TIMEOUT, DEFAULT_METADATA_MAX_AGE,
          DEFAULT_HEALTH_INTERVAL, DEFAULT_MAX_IN_FLIGHT, DEFAULT_REDELIVERY_DELAY);
    } catch (IllegalArgumentException e) {
      throw KafkaUrl.problem(e.getMessage());
    }
  }

  /** Same settings, topics created with {@code count} partitions and {@code factor} replicas. */
  public KafkaSettings withTopics(int count, short factor) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, count, factor, connectTimeout,
        requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout, heartbeatInterval,
        joinTimeout, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with other connect, request and publish bounds. */
  public KafkaSettings withTimeouts(Duration connect, Duration request, Duration publish) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connect, request, publish, reconnectBackoff, reconnectBackoffMax, sessionTimeout, heartbeatInterval,
        joinTimeout, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with another reconnect backoff (first wait, cap). */
  public KafkaSettings withReconnectBackoff(Duration first, Duration max) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, first, max, sessionTimeout, heartbeatInterval,
        joinTimeout, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with other consumer group timings. */
  public KafkaSettings withGroupTimings(Duration session, Duration heartbeat, Duration join) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, session, heartbeat,
        join, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with another metadata refresh interval. */
  public KafkaSettings withMetadataMaxAge(Duration age) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, age, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with another connection probe interval. */
  public KafkaSettings withHealthInterval(Duration interval) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, metadataMaxAge, interval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with another bound of unfinished deliveries per subscription or member. */
  public KafkaSettings withMaxInFlight(int max) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, metadataMaxAge, healthInterval, max, redeliveryDelay);
  }

  /** Same settings with another first redelivery delay. */
  public KafkaSettings withRedeliveryDelay(Duration delay) {
    return new KafkaSettings(servers, tls, user, password, clientId, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, metadataMaxAge, healthInterval, maxInFlight, delay);
  }

  /** Same settings with another client id prefix. */
  public KafkaSettings withClientId(String id) {
    return new KafkaSettings(servers, tls, user, password, id, groupPrefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** Same settings with another consumer group prefix. */
  public KafkaSettings withGroupPrefix(String prefix) {
    return new KafkaSettings(servers, tls, user, password, clientId, prefix, partitions, replicationFactor,
        connectTimeout, requestTimeout, publishTimeout, reconnectBackoff, reconnectBackoffMax, sessionTimeout,
        heartbeatInterval, joinTimeout, metadataMaxAge, healthInterval, maxInFlight, redeliveryDelay);
  }

  /** The {@code bootstrap.servers} value. */
  public String bootstrapServers() {
    return String.join(",", servers);
  }

  /**
   * The URL with the password masked, plus client id and group prefix: safe for logs and {@code
   * /health}, e.g. {@code kafkas://alice:***@b1:9093,b2:9093?clientId=app&groupId=xcomponent}.
   */
  public String describe() {
    String auth = user == null ? "" : encode(user) + ":***@";
    return (tls ? "kafkas://" : "kafka://") + auth + bootstrapServers() + "?clientId=" + clientId
        + "&groupId=" + groupPrefix;
  }

  /** Like {@link #describe()} plus the tuning values; the password is never printed. */
  @Override
  public String toString() {
    return "KafkaSettings[" + describe() + ", partitions=" + partitions + ", replicationFactor=" + replicationFactor
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", publishTimeout=" + publishTimeout + ", reconnectBackoff=" + reconnectBackoff + ".." + reconnectBackoffMax
        + ", sessionTimeout=" + sessionTimeout + ", heartbeatInterval=" + heartbeatInterval
        + ", joinTimeout=" + joinTimeout + ", metadataMaxAge=" + metadataMaxAge + ", healthInterval=" + healthInterval
        + ", maxInFlight=" + maxInFlight + ", redeliveryDelay=" + redeliveryDelay + "]";
  }

  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    require(!value.isNegative() && !value.isZero(), name + " must be positive, got " + value);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
