package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.InstanceSnapshot.ArmedTimer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link InstanceSnapshot}s to the column arrays of {@link PgStatements#upsertSnapshots}, and rows
 * of {@link PgStatements#SNAPSHOT_COLUMNS} back to snapshots. Timers are stored as a JSON array of
 * {@code {"transitionIndex": i, "dueAt": ms}}.
 */
final class SnapshotRows {
  private SnapshotRows() {}

  /**
   * Keeps one snapshot per instance, the one with the highest sequence number (the later one on a
   * tie): one upsert statement may not touch a row twice.
   */
  static List<InstanceSnapshot> latestPerInstance(List<InstanceSnapshot> snapshots) {
    if (snapshots.size() < 2) {
      return snapshots;
    }
    Map<String, InstanceSnapshot> latest = new LinkedHashMap<>();
    for (InstanceSnapshot s : snapshots) {
      latest.merge(s.instanceId(), s, (old, neu) -> neu.seq() >= old.seq() ? neu : old);
    }
    List<InstanceSnapshot> out = new ArrayList<>(latest.values());
    out.sort((a, b) -> a.instanceId().compareTo(b.instanceId()));
    return out;
  }

  /** Adds the {@value PgStatements#SNAPSHOT_PARAMS} column arrays of {@code snapshots} to {@code tuple}. */
  static Tuple addTo(Tuple tuple, List<InstanceSnapshot> snapshots) {
    int n = snapshots.size();
    String[] instance = new String[n];
    String[] component = new String[n];
    String[] machine = new String[n];
    String[] state = new String[n];
    String[] status = new String[n];
    String[] data = new String[n];
    String[] publicMember = new String[n];
    String[] rawContext = new String[n];
    Long[] createdAt = new Long[n];
    Long[] updatedAt = new Long[n];
    Boolean[] entryPoint = new Boolean[n];
    String[] parent = new String[n];
    String[] parentMachine = new String[n];
    Long[] seq = new Long[n];
    String[] correlation = new String[n];
    String[] lastEvent = new String[n];
    String[] timers = new String[n];
    for (int i = 0; i < n; i++) {
      InstanceSnapshot s = snapshots.get(i);
      instance[i] = s.instanceId();
      component[i] = s.componentName();
      machine[i] = s.machineName();
      state[i] = s.state();
      status[i] = s.status();
      if (s.publicMember() != null) {
        publicMember[i] = JsonValues.encode(s.publicMember());
        data[i] = publicMember[i];
        rawContext[i] = s.context().equals(s.publicMember()) ? null : JsonValues.encode(s.context());
      } else {
        data[i] = JsonValues.encode(s.context());
      }
      createdAt[i] = s.createdAt();
      updatedAt[i] = s.updatedAt();
      entryPoint[i] = s.entryPoint();
      parent[i] = s.parentId();
      parentMachine[i] = s.parentMachine();
      seq[i] = s.seq();
      correlation[i] = s.correlationId();
      lastEvent[i] = s.lastEventId();
      timers[i] = timersJson(s.timers());
    }
    return tuple.addArrayOfString(instance).addArrayOfString(component).addArrayOfString(machine)
        .addArrayOfString(state).addArrayOfString(status).addArrayOfString(data).addArrayOfString(publicMember)
        .addArrayOfString(rawContext).addArrayOfLong(createdAt).addArrayOfLong(updatedAt)
        .addArrayOfBoolean(entryPoint).addArrayOfString(parent).addArrayOfString(parentMachine)
        .addArrayOfLong(seq).addArrayOfString(correlation).addArrayOfString(lastEvent).addArrayOfString(timers);
  }

  private static String timersJson(List<ArmedTimer> timers) {
    List<Object> list = new ArrayList<>(timers.size());
    for (ArmedTimer t : timers) {
      list.add(Map.of("transitionIndex", t.transitionIndex(), "dueAt", t.dueAt()));
    }
    return JsonValues.encode(list);
  }

  /** A snapshot from a row of {@link PgStatements#SNAPSHOT_COLUMNS} (JSONB columns as text). */
  static InstanceSnapshot read(Row r) {
    String publicText = r.getString(6);
    Map<String, Object> publicMember = JsonValues.mapFromText(publicText);
    Map<String, Object> raw = JsonValues.mapFromText(r.getString(7));
    // the data column is the context only without a raw context; most often the public member's text
    Map<String, Object> data =
        raw != null ? null : JsonValues.mapFromText(r.getString(5), publicText, publicMember);
    List<ArmedTimer> timers = new ArrayList<>();
    for (Object o : JsonValues.listFromText(r.getString(16))) {
      if (o instanceof Map<?, ?> m && m.get("transitionIndex") instanceof Number i && m.get("dueAt") instanceof Number at) {
        timers.add(new ArmedTimer(i.intValue(), at.longValue()));
      }
    }
    return new InstanceSnapshot(
        r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        publicMember, raw == null ? data : raw,
        r.getLong(8), r.getLong(9), r.getBoolean(10), r.getString(11), r.getString(12), r.getLong(13),
        r.getString(14), r.getString(15), timers);
  }
}
