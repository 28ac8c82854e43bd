package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Arguments and reply of {@code append.lua}, the one script that writes events and snapshots.
 *
 * <p>Arguments: {@code prefix, idempotencyTtlMillis (0 = forever), eventCount, snapshotCount,
 * outboxCount}, then 8 per event {@code id, instanceId, seq, timestamp, idempotencyKey,
 * causationId, correlationId, json}, then 9 per snapshot {@code instanceId, component, seq, active
 * (1|0), json, machine, state, updatedAt, searchText, entryPoint (1|0)}, then 4 per outbox message {@code messageId,
 * eventId, component, json} (the json holds the channel and the message; see {@link OutboxJson}). An optional value travels as {@code ""} when
 * absent and {@code "=" + value} when present, so an empty string stays distinct from none.
 *
 * <p>The script checks every event before writing anything: a known or repeated idempotency key
 * makes the event a duplicate (skipped); an event whose seq is not above the instance's highest
 * seq (stored or earlier in the batch) aborts the batch. Reply: {@code ["OK", duplicateIds…]} or
 * {@code ["CONFLICT", instanceId, seq, highestSeq]}. Events of one instance must therefore come
 * in increasing seq order within a batch.
 */
final class AppendScript {
  static final LuaScript SCRIPT = LuaScript.resource("append.lua");

  private AppendScript() {}

  static List<String> arguments(String prefix, long idempotencyTtlMillis,
      List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox) {
    List<String> args = new ArrayList<>(5 + events.size() * 8 + snapshots.size() * 10 + outbox.size() * 4);
    args.add(prefix);
    args.add(Long.toString(idempotencyTtlMillis));
    args.add(Integer.toString(events.size()));
    args.add(Integer.toString(snapshots.size()));
    args.add(Integer.toString(outbox.size()));
    for (StoredEvent e : events) {
      if (RedisKeys.RESERVED_INSTANCE_ID.equals(e.instanceId())) {
        throw new StoreFailure(StoreFailure.Reason.REJECTED,
            "instance id '" + RedisKeys.RESERVED_INSTANCE_ID + "' is reserved by the Redis key layout");
      }
      args.add(e.id());
      args.add(e.instanceId());
      args.add(Long.toString(e.seq()));
      args.add(Long.toString(e.timestamp()));
      args.add(optional(e.idempotencyKey()));
      args.add(optional(e.causationId()));
      args.add(optional(e.correlationId()));
      args.add(EventJson.encode(e));
    }
    for (InstanceSnapshot s : snapshots) {
      args.add(s.instanceId());
      args.add(s.componentName());
      args.add(Long.toString(s.seq()));
      args.add(s.isActive() ? "1" : "0");
      args.add(SnapshotJson.encode(s));
      args.add(s.machineName());
      args.add(s.state());
      args.add(Long.toString(s.updatedAt()));
      args.add(searchText(s));
      args.add(s.entryPoint() ? "1" : "0");
    }
    for (OutboxMessage m : outbox) {
      args.add(m.messageId());
      args.add(m.eventId());
      args.add(m.componentName());
      args.add(OutboxJson.encode(m));
    }
    return args;
  }

  /**
   * What a text search matches: the instance id and the data JSON (the public member when there is
   * one, else the context), joined by a newline, lower-cased here so that the script compares
   * plain bytes yet letters of every script fold.
   */
  static String searchText(InstanceSnapshot s) {
    Map<String, Object> data = s.publicMember() != null ? s.publicMember() : s.context();
    return (s.instanceId() + "\n" + new JsonObject(data).encode()).toLowerCase(Locale.ROOT);
  }

  /** The duplicates of a successful append; throws a CONFLICT {@link StoreFailure} otherwise. */
  static AppendResult result(Response reply) {
    String status = reply.get(0).toString();
    if ("CONFLICT".equals(status)) {
      throw new StoreFailure(StoreFailure.Reason.CONFLICT, "event " + reply.get(2) + " of instance "
          + reply.get(1) + " is already taken (highest stored seq " + reply.get(3) + "); nothing was written");
    }
    if (!"OK".equals(status)) {
      throw new IllegalStateException("unexpected reply of append.lua: " + status);
    }
    if (reply.size() == 1) {
      return AppendResult.ALL_WRITTEN;
    }
    Set<String> duplicates = new HashSet<>();
    for (int i = 1; i < reply.size(); i++) {
      duplicates.add(reply.get(i).toString());
    }
    return new AppendResult(duplicates);
  }

  private static String optional(String value) {
    return value == null ? "" : "=" + value;
  }
}
