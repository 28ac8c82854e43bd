package dev.xcomponent.application;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes event ids: time-ordered (version 7) UUIDs, the creation millisecond in the first 48 bits
 * followed by 74 random bits. Ids made later sort after earlier ones (to the millisecond), so the
 * store's primary-key index of events grows at its end instead of at random places: a random id
 * touches a random index page on every insert, which slows inserts more and more as the event
 * table outgrows memory (measured: a quarter fewer rows per second at 1.5 million events).
 */
final class EventIds {
  private EventIds() {}

  static String next() {
    return of(System.currentTimeMillis(), ThreadLocalRandom.current());
  }

  /** The version-7 UUID of {@code epochMillis} with random bits from {@code random}. */
  static String of(long epochMillis, java.util.random.RandomGenerator random) {
    long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
