package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.InstanceSnapshot;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes the UTF-8 bytes of what {@link #encode} wrote, field by field (unknown fields are
   * skipped); throws {@link IllegalArgumentException} on anything else.
   */
  static InstanceSnapshot decode(byte[] json) {
    try {
      JsonReader r = JsonReader.ofObject(json);
      Read f = new Read();
      for (String field = r.nextField(); field != null; field = r.nextField()) {
        switch (field) {
          case "instance" -> readInstance(r, f);
          case "pendingTimeouts" -> readTimers(r, f.timers);
          case "seq" -> f.seq = r.longValue();
          case "correlationId" -> f.correlationId = r.string();
          case "lastEventId" -> f.lastEventId = r.string();
          default -> r.skip();
        }
      }
      r.end();
      if (!f.hasInstance) {
        throw new IllegalArgumentException("no instance");
      }
      return new InstanceSnapshot(
          f.id, f.componentName, f.machineName, f.state, f.status, f.publicMember, f.context, f.createdAt,
          f.updatedAt, f.entryPoint, f.parentId, f.parentMachine, f.seq, f.correlationId, f.lastEventId, f.timers);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a stored snapshot: " + e.getMessage(), e);
    }
  }

  /** The fields of a snapshot as they are read (boxed: a missing number fails when it is used). */
  private static final class Read {
    boolean hasInstance;
    String id;
    String componentName;
    String machineName;
    String state;
    String status;
    Map<String, Object> publicMember;
    Map<String, Object> context;
    Long createdAt;
    Long updatedAt;
    Boolean entryPoint = Boolean.FALSE;
    String parentId;
    String parentMachine;
    Long seq;
    String correlationId;
    String lastEventId;
    final List<InstanceSnapshot.ArmedTimer> timers = new ArrayList<>(2);
  }

  private static void readInstance(JsonReader r, Read f) {
    if (!r.enterObject()) {
      throw new IllegalArgumentException("no instance");
    }
    f.hasInstance = true;
    for (String field = r.nextField(); field != null; field = r.nextField()) {
      switch (field) {
        case "id" -> f.id = r.string();
        case "machineName" -> f.machineName = r.string();
        case "componentName" -> f.componentName = r.string();
        case "currentState" -> f.state = r.string();
        case "context" -> f.context = r.map();
        case "publicMember" -> f.publicMember = r.map();
        case "createdAt" -> f.createdAt = r.longValue();
        case "updatedAt" -> f.updatedAt = r.longValue();
        case "status" -> f.status = r.string();
        case "isEntryPoint" -> f.entryPoint = r.bool();
        case "parentInstanceId" -> f.parentId = r.string();
        case "parentMachineName" -> f.parentMachine = r.string();
        default -> r.skip();
      }
    }
  }

  /** Reads {@code pendingTimeouts}: objects of {@code transitionIndex} and {@code dueAt}. */
  private static void readTimers(JsonReader r, List<InstanceSnapshot.ArmedTimer> timers) {
    if (!r.enterArray()) {
      throw new IllegalArgumentException("pendingTimeouts is null");
    }
    timers.clear();
    while (r.nextElement()) {
      if (!r.enterObject()) {
        throw new IllegalArgumentException("a pending timeout is null");
      }
      Integer index = null;
      Long dueAt = null;
      for (String field = r.nextField(); field != null; field = r.nextField()) {
        switch (field) {
          case "transitionIndex" -> index = r.intValue();
          case "dueAt" -> dueAt = r.longValue();
          default -> r.skip();
        }
      }
      timers.add(new InstanceSnapshot.ArmedTimer(index, dueAt));
    }
  }
}
