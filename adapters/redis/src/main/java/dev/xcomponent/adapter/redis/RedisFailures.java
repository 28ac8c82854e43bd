package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.StoreFailure;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Translates what the Redis client reports into a {@link StoreFailure}. Anything about reaching
 * the server (refused or lost connection, full pool queue, timeout, a server that is loading,
 * read-only, out of memory or refusing our credentials) is {@code UNAVAILABLE}: the caller may
 * retry later. Any other error reply means Redis refused the command: {@code REJECTED}. Messages
 * name the server by its masked description, never with the password.
 */
final class RedisFailures {
  /**
   * Error reply prefixes that mean "not now" rather than "never". {@code CONNECTION_CLOSED} is not
   * from the server: the Vert.x client fails the commands in flight with it, as an error reply,
   * when the connection drops under them.
   */
  private static final Set<String> TRANSIENT = Set.of(
      "OOM", "LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS",
      "NOAUTH", "WRONGPASS", "NOPERM", "CONNECTION_CLOSED");

  private RedisFailures() {}

  /** True when {@code t} is a Redis error reply starting with {@code code}. */
  static boolean isErrorReply(Throwable t, String code) {
    return errorCode(t).equals(code);
  }

  static StoreFailure translate(Throwable t, String server, String what) {
    if (t instanceof StoreFailure f) {
      return f;
    }
    String code = errorCode(t);
    if (code.isEmpty()) {
      String detail = t instanceof TimeoutException ? "no reply in time" : String.valueOf(t.getMessage());
      return new StoreFailure(StoreFailure.Reason.UNAVAILABLE,
          "Redis store " + server + " unavailable during " + what + ": " + detail, t);
    }
    StoreFailure.Reason reason = TRANSIENT.contains(code) ? StoreFailure.Reason.UNAVAILABLE : StoreFailure.Reason.REJECTED;
    return new StoreFailure(reason, "Redis store " + server + " refused " + what + ": " + t.getMessage(), t);
  }

  private static String errorCode(Throwable t) {
    if (t instanceof Response r && r.type() == ResponseType.ERROR) {
      String message = String.valueOf(t.getMessage());
      int space = message.indexOf(' ');
      return space < 0 ? message : message.substring(0, space);
    }
    return "";
  }
}
