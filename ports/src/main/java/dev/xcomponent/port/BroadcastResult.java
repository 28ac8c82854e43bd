package dev.xcomponent.port;

/**
 * The result of a broadcast.
 *
 * @param matched instances the event was delivered to
 * @param processed instances that actually transitioned
 */
public record BroadcastResult(int matched, int processed) {
  public static final BroadcastResult NONE = new BroadcastResult(0, 0);

  public BroadcastResult plus(BroadcastResult other) {
    return new BroadcastResult(matched + other.matched, processed + other.processed);
  }
}
