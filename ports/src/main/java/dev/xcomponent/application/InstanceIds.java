package dev.xcomponent.application;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes instance ids: random (version 4) UUIDs. They come from a per-thread generator rather than
 * {@link UUID#randomUUID()}: ids must be unique, not secret, and creation is on the hot path.
 */
final class InstanceIds {
  private InstanceIds() {}

  static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
