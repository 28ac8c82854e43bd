package dev.xcomponent.app;

import java.util.Map;

/**
 * The timings of a distributed deployment, from the environment: {@code HEARTBEAT_INTERVAL_MS}
 * (default 30000: how often a runtime says it is alive), {@code RUNTIME_TIMEOUT_MS} (default three
 * heartbeats: after this much silence a dashboard drops a runtime) and {@code COMMAND_TIMEOUT_MS}
 * (default 10000: how long a dashboard waits for a runtime to answer a command).
 */
public record ClusterTimings(long heartbeatMs, long runtimeTimeoutMs, long commandTimeoutMs) {
  public static final long DEFAULT_HEARTBEAT_MS = 30_000;
  public static final long DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

  public static ClusterTimings defaults() {
    return new ClusterTimings(DEFAULT_HEARTBEAT_MS, 3 * DEFAULT_HEARTBEAT_MS, DEFAULT_COMMAND_TIMEOUT_MS);
  }

  /** @throws CliException (exit code 2) naming the variable and the accepted range */
  public static ClusterTimings from(Map<String, String> env) throws CliException {
    long heartbeat = millis(env, "HEARTBEAT_INTERVAL_MS", DEFAULT_HEARTBEAT_MS, 100, 3_600_000);
    long timeout = millis(env, "RUNTIME_TIMEOUT_MS", 3 * heartbeat, heartbeat, 86_400_000);
    long command = millis(env, "COMMAND_TIMEOUT_MS", DEFAULT_COMMAND_TIMEOUT_MS, 100, 600_000);
    return new ClusterTimings(heartbeat, timeout, command);
  }

  private static long millis(Map<String, String> env, String name, long fallback, long min, long max)
      throws CliException {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long v = Long.parseLong(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(2, name + "=" + text.trim() + " is not valid: expected a whole number of milliseconds from "
        + min + " to " + max + " (default " + fallback + ")");
  }
}
