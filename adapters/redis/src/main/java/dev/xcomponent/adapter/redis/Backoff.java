package dev.xcomponent.adapter.redis;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential delays: {@code initial × 2^failures}, never above {@code max}, then spread by
 * ± {@code jitter} (a fraction) so that many clients cut off together do not come back together.
 */
final class Backoff {
  /** Reconnecting: 100 ms doubling up to 5 s, ± 20 %. */
  static final Backoff RECONNECT = new Backoff(100, 5_000, 0.2, () -> ThreadLocalRandom.current().nextDouble());
  /** Trying a group delivery again: 50 ms doubling up to 1 s, no jitter. */
  static final Backoff RETRY = new Backoff(50, 1_000, 0, () -> 0.5);

  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1); 0.5 means no spread
   */
  Backoff(long initialMillis, long maxMillis, double jitter, DoubleSupplier random) {
    if (initialMillis < 1 || maxMillis < initialMillis || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("bad backoff " + initialMillis + "/" + maxMillis + "/" + jitter);
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.jitter = jitter;
    this.random = random;
  }

  /** The delay after {@code failures} failures in a row (0 for the first wait). */
  long delayMillis(int failures) {
    double base = Math.min((double) maxMillis, initialMillis * Math.pow(2, Math.max(0, Math.min(failures, 40))));
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Math.max(1, Math.round(base * spread));
  }
}
