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
 *   <tr><td>{@code fsm:snapshots:entry:{component}}</td><td>set</td><td>ids of the component's
 *       entry points, whatever their status (a restore brings back finished ones too)</td></tr>
 *   <tr><td>{@code fsm:writes}</td><td>string</td><td>counter of written events, the source of
 *       the write order above</td></tr>
 *   <tr><td>{@code fsm:snapshots:by:{component}:{machine}:{state}}</td><td>sorted set</td><td>a
 *       search index: ids of the instances whose latest snapshot has that component, machine and
 *       state; score = the snapshot's update time (epoch ms). Each name is written with {@code
 *       %}, {@code :} and {@code *} percent-encoded ({@link #segment}), so that it is one
 *       segment</td></tr>
 *   <tr><td>{@code fsm:snapshots:by:*:*:*}</td><td>sorted set</td><td>the search index of all
 *       snapshots, scored alike</td></tr>
 *   <tr><td>{@code fsm:snapshots:names}</td><td>set</td><td>the registry of the search indexes
 *       that hold instances: {@code {component}:{machine}:{state}}, encoded as in their keys. A
 *       search with some names unset merges the indexes of the registry that match the others.
 *       So an instance is in two sorted sets, whatever the filters</td></tr>
 *   <tr><td>{@code fsm:snapshots:text}</td><td>hash</td><td>field = instance id, value = what a
 *       text search matches: the id and the data JSON, lower-cased</td></tr>
 *   <tr><td>{@code fsm:outbox:pending:{component}}</td><td>sorted set</td><td>the component's
 *       outbox: ids of the messages its events produced that the broker has not taken yet; score =
 *       position (append order)</td></tr>
 *   <tr><td>{@code fsm:outbox:bodies:{component}}</td><td>hash</td><td>field = message id, value =
 *       JSON of the event id, channel and message</td></tr>
 *   <tr><td>{@code fsm:outbox:writes}</td><td>string</td><td>counter of outbox messages, the source
 *       of their positions</td></tr>
 *   <tr><td>{@code fsm:snapshots:indexed}</td><td>string</td><td>set once the snapshots written
 *       before the search indexes existed have been indexed</td></tr>
 * </table>
 *
 * <p>The append, delete and search scripts ({@code append.lua}, {@code delete.lua}, {@code
 * search.lua}) build the same names from the prefix; the layout test checks they agree. An instance
 * may not be called {@code all}: its event set would be the global one.
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

  public String outboxPending(String componentName) {
    return prefix + ":outbox:pending:" + componentName;
  }

  public String outboxBodies(String componentName) {
    return prefix + ":outbox:bodies:" + componentName;
  }

  public String entryPoints(String componentName) {
    return prefix + ":snapshots:entry:" + componentName;
  }

  public String writeCounter() {
    return prefix + ":writes";
  }

  /**
   * The search index of a (component, machine, state); all three null: the index of all
   * snapshots. Other combinations have no index of their own (a search merges the matching ones).
   */
  public String snapshotSearch(String component, String machine, String state) {
    return prefix + ":snapshots:by:" + segment(component) + ":" + segment(machine) + ":" + segment(state);
  }

  public String snapshotSearchNames() {
    return prefix + ":snapshots:names";
  }

  public String snapshotText() {
    return prefix + ":snapshots:text";
  }

  public String snapshotsIndexed() {
    return prefix + ":snapshots:indexed";
  }

  /**
   * A name as one segment of a search index key: {@code *} for null, else the name with {@code %},
   * {@code :} and {@code *} written {@code %25}, {@code %3A}, {@code %2A}, so that no name reads as
   * two segments or as "any". {@code append.lua} and {@code delete.lua} encode alike; {@code
   * search.lua} receives names encoded.
   */
  static String segment(String name) {
    if (name == null) {
      return "*";
    }
    StringBuilder b = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      String escaped = c == '%' ? "%25" : c == ':' ? "%3A" : c == '*' ? "%2A" : null;
      if (escaped != null && b == null) {
        b = new StringBuilder(name.length() + 8).append(name, 0, i);
      }
      if (b != null) {
        if (escaped != null) {
          b.append(escaped);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? name : b.toString();
  }

  /** The event id in a member of {@link #causedBy} or {@link #correlation}. */
  static String eventIdOfOrderedMember(String member) {
    int colon = member.indexOf(':');
    return colon < 0 ? member : member.substring(colon + 1);
  }
}
