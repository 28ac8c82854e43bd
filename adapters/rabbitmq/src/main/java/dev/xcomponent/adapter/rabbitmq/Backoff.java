package dev.xcomponent.adapter.rabbitmq;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped, jittered exponential backoff: attempt {@code n} (from 1) waits {@code initial × 2^(n-1)},
 * at most {@code max}, then varied by up to ±{@link #JITTER} so that many clients cut off together
 * do not come back in lockstep.
 */
final class Backoff {
  /** Relative spread applied to every delay. */
  static final double JITTER = 0.2;

  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  Backoff(Duration initial, Duration max) {
    this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** With {@code random} yielding values in [0, 1), for tests. */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.random = random;
  }

  /** The delay before attempt {@code attempt} (1 for the first), in milliseconds, at least 1. */
  long delayMillis(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 62));
    long base = initialMillis;
    for (int i = 0; i < doublings && base < maxMillis; i++) {
      base *= 2;
    }
    base = Math.min(base, maxMillis);
    double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
    return Math.max(1, Math.round(base * factor));
  }
}
