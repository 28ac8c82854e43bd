package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.InstanceSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a snapshot, shaped like the reference's ({@code {instance, snapshotAt,
 * lastEventId, pendingTimeouts}}, the instance with the reference's field names), plus our {@code
 * seq} and {@code correlationId}. {@code pendingTimeouts} holds our armed timers ({@code
 * transitionIndex}, {@code dueAt}); {@code snapshotAt} is the instance's last update time.
 *
 * <p>The append script reads {@code seq} and {@code instance.componentName} of the stored
 * snapshot: renaming them breaks it.
 */
final class SnapshotJson {
  private SnapshotJson() {}

  /** Encodes a snapshot; throws {@link io.vertx.core.json.EncodeException} on a non-JSON value. */
  static String encode(InstanceSnapshot s) {
    Map<String, Object> instance = new LinkedHashMap<>(16);
    instance.put("id", s.instanceId());
    instance.put("machineName", s.machineName());
    instance.put("componentName", s.componentName());
    instance.put("currentState", s.state());
    instance.put("context", s.context());
    if (s.publicMember() != null) {
      instance.put("publicMember", s.publicMember());
    }
    instance.put("createdAt", s.createdAt());
    instance.put("updatedAt", s.updatedAt());
    instance.put("status", s.status());
    instance.put("isEntryPoint", s.entryPoint());
    if (s.parentId() != null) {
      instance.put("parentInstanceId", s.parentId());
    }
    if (s.parentMachine() != null) {
      instance.put("parentMachineName", s.parentMachine());
    }
    List<Map<String, Object>> timers = new ArrayList<>(s.timers().size());
    for (InstanceSnapshot.ArmedTimer t : s.timers()) {
      timers.add(Map.of("transitionIndex", t.transitionIndex(), "dueAt", t.dueAt()));
    }
    Map<String, Object> m = new LinkedHashMap<>(8);
    m.put("instance", instance);
    m.put("snapshotAt", s.updatedAt());
    if (s.lastEventId() != null) {
      m.put("lastEventId", s.lastEventId());
    }
    m.put("pendingTimeouts", timers);
    m.put("seq", s.seq());
    if (s.correlationId() != null) {
      m.put("correlationId", s.correlationId());
    }
    return new JsonObject(m).encode();
  }

  /** Decodes what {@link #encode} wrote; throws {@link IllegalArgumentException} on anything else. */
  static InstanceSnapshot decode(String json) {
    try {
      JsonObject o = new JsonObject(json);
      JsonObject i = o.getJsonObject("instance");
      JsonArray pending = o.getJsonArray("pendingTimeouts", new JsonArray());
      List<InstanceSnapshot.ArmedTimer> timers = new ArrayList<>(pending.size());
      for (int k = 0; k < pending.size(); k++) {
        JsonObject t = pending.getJsonObject(k);
        timers.add(new InstanceSnapshot.ArmedTimer(t.getInteger("transitionIndex"), t.getLong("dueAt")));
      }
      return new InstanceSnapshot(
          i.getString("id"),
          i.getString("componentName"),
          i.getString("machineName"),
          i.getString("currentState"),
          i.getString("status"),
          JsonValues.plainMapOrNull(i.getValue("publicMember")),
          JsonValues.plainMapOrNull(i.getValue("context")),
          i.getLong("createdAt"),
          i.getLong("updatedAt"),
          i.getBoolean("isEntryPoint", false),
          i.getString("parentInstanceId"),
          i.getString("parentMachineName"),
          o.getLong("seq"),
          o.getString("correlationId"),
          o.getString("lastEventId"),
          timers);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a stored snapshot: " + e.getMessage(), e);
    }
  }
}
