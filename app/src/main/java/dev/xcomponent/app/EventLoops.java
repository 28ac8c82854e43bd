package dev.xcomponent.app;

import io.vertx.core.VertxOptions;
import java.util.Map;

/**
 * How many event-loop threads a runtime process runs, from {@code EVENT_LOOPS} (default: two per
 * core, Vert.x's default). Each component gets one partition per event loop.
 *
 * <p>Fewer loops trade parallelism for latency: a message between two instances on different loops
 * wakes another thread (about 12 µs on a small VM), one on the same loop does not. On a machine with
 * one or two cores, {@code EVENT_LOOPS=1} gives a shorter in-memory cross-component round trip and
 * as many flows per second or more; on a larger one, keep the default.
 *
 * @param count event-loop threads, and partitions per component (1 to {@value #MAX})
 */
public record EventLoops(int count) {
  public static final int MAX = 1024;

  public EventLoops {
    if (count < 1 || count > MAX) {
      throw new IllegalArgumentException("event loops must be from 1 to " + MAX);
    }
  }

  /** Vert.x's default: two per core. */
  public static EventLoops defaults() {
    return new EventLoops(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
  }

  /** @throws CliException (exit code 2) naming the variable and the accepted range */
  public static EventLoops from(Map<String, String> env) throws CliException {
    String text = env.get("EVENT_LOOPS");
    if (text == null || text.isBlank()) {
      return defaults();
    }
    try {
      return new EventLoops(Integer.parseInt(text.trim()));
    } catch (IllegalArgumentException e) {
      // not a number (NumberFormatException) or out of range: reported below
    }
    throw new CliException(2, "EVENT_LOOPS=" + text.trim() + " is not valid: expected a whole number of event-loop"
        + " threads from 1 to " + MAX + " (default " + defaults().count() + ", two per core)");
  }
}
