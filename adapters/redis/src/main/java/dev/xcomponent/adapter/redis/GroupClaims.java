package dev.xcomponent.adapter.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decides which member of a consumer group handles a message: the first one to write its claim
 * token ({@code <memberId>:<delivery number>}) under {@code <prefix>group:<group>:<messageId>}, with
 * {@code SET … NX PX <ttl> GET}. The key expires after the claim TTL; until then the same message id
 * is not handled again by that group, not even by the member that handled it. {@code GET} makes a
 * retried claim safe: a member that finds its own token already there (the reply to its earlier
 * try was lost) still owns the message.
 */
final class GroupClaims {
  private final String prefix;
  private final long ttlMillis;
  private final long timeoutMillis;
  private final Supplier<RedisConnection> connection;

  GroupClaims(String prefix, Duration ttl, Duration timeout, Supplier<RedisConnection> connection) {
    this.prefix = prefix;
    this.ttlMillis = ttl.toMillis();
    this.timeoutMillis = timeout.toMillis();
    this.connection = connection;
  }

  /** The key of a claim. */
  String key(String group, String messageId) {
    return prefix + "group:" + group + ":" + messageId;
  }

  /** True when the delivery holding {@code token} owns the message, false when another one does. */
  Future<Boolean> claim(String group, String messageId, String token) {
    RedisConnection c = connection.get();
    if (c == null) {
      return Future.failedFuture(new IllegalStateException("the command connection to Redis is down"));
    }
    Request set = Request.cmd(Command.SET).arg(key(group, messageId)).arg(token)
        .arg("NX").arg("PX").arg(ttlMillis).arg("GET");
    return c.send(set)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .map(previous -> previous == null || token.equals(previous.toString()));
  }
}
