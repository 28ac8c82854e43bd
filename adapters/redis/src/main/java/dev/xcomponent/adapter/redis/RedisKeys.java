package dev.xcomponent.adapter.redis;

import java.util.Objects;

/**
 * The key layout of the Redis store. The first five keys are those of the deployment guide, so a
 * user of the reference finds the data where the guide says; the others serve the queries of our
 * ports. {@code fsm} stands for the configured prefix.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Type</th><th>Content</th></tr>
 *   <tr><td>{@code fsm:events:{instanceId}}</td><td>sorted set</td><td>the events of one instance;
 *       score = seq (so the order is exact, unlike the reference's timestamp), member = event
 *       JSON</td></tr>
 *   <tr><td>{@code fsm:events:all}</td><td>sorted set</td><td>every event; score = timestamp
 *       ({@code persistedAt}), member = event id</td></tr>
 *   <tr><td>{@code fsm:event:{eventId}}</td><td>string</td><td>the event JSON. The guide calls it
 *       a hash, but the reference's code stores a JSON string, and so do we</td></tr>
 *   <tr><td>{@code fsm:snapshot:{instanceId}}</td><td>string</td><td>the latest snapshot JSON</td></tr>
 *   <tr><td>{@code fsm:snapshots:all}</td><td>set</td><td>ids of the instances that have a
 *       snapshot</td></tr>
 *   <tr><td>{@code fsm:seq:{instanceId}}</td><td>string</td><td>highest seq ever written for the
 *       instance; it never decreases, so deleting never frees a number</td></tr>
 *   <tr><td>{@code fsm:idem:{key}}</td><td>string</td><td>id of the event written with that
 *       idempotency key (optionally with a time to live)</td></tr>
 *   <tr><td>{@code fsm:caused:{eventId}}</td><td>sorted set</td><td>events whose causation id is
 *       that event; score = timestamp, member = {@code <16-digit write order>:<eventId>}, so equal
 *       timestamps keep the order of writing</td></tr>
 *   <tr><td>{@code fsm:correlation:{correlationId}}</td><td>sorted set</td><td>events of one
 *       business flow; score and member as for {@code caused}</td></tr>
 *   <tr><td>{@code fsm:snapshots:active:{component}}</td><td>sorted set</td><td>ids of the
 *       component's active instances, all with score 0, so that {@code ZRANGEBYLEX} pages them in
 *       id order</td></tr>
 *   <tr><td>{@code fsm:writes}</td><td>string</td><td>counter of written events, the source of
 *       the write order above</td></tr>
 * </table>
 *
 * <p>The append and delete scripts ({@code append.lua}, {@code delete.lua}) build the same names
 * from the prefix; the layout test checks both agree. An instance may not be called {@code all}:
 * its event set would be the global one.
 */
public final class RedisKeys {
  /** The instance id that would collide with {@code fsm:events:all}. */
  public static final String RESERVED_INSTANCE_ID = "all";

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  public String prefix() {
    return prefix;
  }

  public String instanceEvents(String instanceId) {
    return prefix + ":events:" + instanceId;
  }

  public String allEvents() {
    return prefix + ":events:all";
  }

  public String event(String eventId) {
    return prefix + ":event:" + eventId;
  }

  public String snapshot(String instanceId) {
    return prefix + ":snapshot:" + instanceId;
  }

  public String allSnapshots() {
    return prefix + ":snapshots:all";
  }

  public String highestSeq(String instanceId) {
    return prefix + ":seq:" + instanceId;
  }

  public String idempotencyKey(String key) {
    return prefix + ":idem:" + key;
  }

  public String causedBy(String eventId) {
    return prefix + ":caused:" + eventId;
  }

  public String correlation(String correlationId) {
    return prefix + ":correlation:" + correlationId;
  }

  public String activeSnapshots(String componentName) {
    return prefix + ":snapshots:active:" + componentName;
  }

  public String writeCounter() {
    return prefix + ":writes";
  }

  /** The event id in a member of {@link #causedBy} or {@link #correlation}. */
  static String eventIdOfOrderedMember(String member) {
    int colon = member.indexOf(':');
    return colon < 0 ? member : member.substring(colon + 1);
  }
}
