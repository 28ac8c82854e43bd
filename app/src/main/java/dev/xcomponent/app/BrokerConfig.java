package dev.xcomponent.app;

import java.util.Locale;
import java.util.Map;

/**
 * Which message broker a process uses, from {@code --broker} or {@code BROKER_URL}: unset, {@code
 * memory} or {@code in-memory} → the in-memory broker of this process; {@code amqp://}, {@code
 * amqps://} → RabbitMQ; {@code redis://}, {@code rediss://} → Redis pub/sub; {@code kafka://},
 * {@code kafkas://} (one or several brokers, {@code user:password@} for SASL/PLAIN, {@code
 * ?clientId=}, {@code ?groupId=}) → Kafka. The URL is checked by the adapter's own parser when the
 * configuration is read, so a bad one stops start-up before anything connects.
 *
 * @param kind the broker
 * @param url the URL (null for memory); may hold a password: print {@link #describe()}
 */
public record BrokerConfig(Kind kind, String url) {
  /** The kinds of broker. */
  public enum Kind {
    MEMORY,
    RABBITMQ,
    REDIS,
    KAFKA
  }

  /** The in-memory broker. */
  public static BrokerConfig memory() {
    return new BrokerConfig(Kind.MEMORY, null);
  }

  /**
   * Reads {@code option} ({@code --broker}, or null) over {@code BROKER_URL}.
   *
   * @throws CliException (exit code 2) naming the source, the problem and the accepted forms
   */
  public static BrokerConfig from(String option, Map<String, String> env) throws CliException {
    String source = option != null ? "--broker" : "BROKER_URL";
    String url = option != null ? option.trim() : env.get("BROKER_URL") == null ? null : env.get("BROKER_URL").trim();
    if (url == null || url.isEmpty() || url.equals("memory") || url.equals("memory://") || url.equals("in-memory")) {
      return memory();
    }
    int i = url.indexOf("://");
    String scheme = i < 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    Kind kind = switch (scheme) {
      case "amqp", "amqps" -> Kind.RABBITMQ;
      case "redis", "rediss" -> Kind.REDIS;
      case "kafka", "kafkas" -> Kind.KAFKA;
      default -> throw new CliException(2, source + "=" + Secrets.maskUrl(url)
          + " is not a supported broker URL: expected memory, amqp://[user:password@]host[:5672][/vhost],"
          + " amqps://…, redis://[user:password@]host[:6379][/db], rediss://…, kafka://host:9092[,host2:9092]"
          + "[?clientId=…&groupId=…] or kafkas://[user:password@]host:9093");
    };
    BrokerConfig config = new BrokerConfig(kind, url);
    try {
      Brokers.check(config);
    } catch (IllegalArgumentException e) {
      throw new CliException(2, source + "=" + Secrets.maskUrl(url) + " is not valid: " + e.getMessage());
    }
    return config;
  }

  /** The broker for logs and {@code /health}, password masked. */
  public String describe() {
    return kind == Kind.MEMORY ? "memory" : Secrets.maskUrl(url);
  }

  /** Whether other processes can share this broker (anything but memory). */
  public boolean distributed() {
    return kind != Kind.MEMORY;
  }
}
