package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.EncodeException;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event and snapshot store on Redis: mode 5 of the deployment guide (Redis-only), with the key
 * layout described in {@link RedisKeys}.
 *
 * <p>Rules it keeps, on top of those of {@link EventStore}:
 *
 * <ul>
 *   <li>Every append is one Lua script ({@code append.lua}), so it is atomic and two writers
 *       racing for the same (instance, seq) cannot both win: Redis runs scripts one at a time. The
 *       script checks the whole batch before its first write; a refused batch writes nothing.
 *   <li>A snapshot never replaces a stored snapshot with a higher seq; such a snapshot is dropped
 *       silently, as it is already out of date.
 *   <li>Durability is Redis's: with {@code appendonly yes} and {@code appendfsync always} an
 *       acknowledged append survives a Redis crash; with {@code everysec} the last second may be
 *       lost; without AOF a restart of Redis loses everything.
 *   <li>Failing to reach Redis, a full connection pool queue or a reply later than the request
 *       timeout fail the call with {@link StoreFailure.Reason#UNAVAILABLE}. After a timeout the
 *       append may still have been carried out: retrying with the same idempotency key is safe,
 *       and retrying the same seq then reports a conflict.
 *   <li>Needs Redis 7 or later (the scripts declare flags, so that Redis refuses them whole when
 *       out of memory) and a non-cluster deployment (one append touches keys of many instances).
 * </ul>
 *
 * <p>Reads are single range commands on the sorted sets, followed by one {@code MGET} when the
 * set holds event ids; {@link #eventsAfter} pipelines one range command per instance in a single
 * round trip. All calls are non-blocking and safe from any thread or event loop.
 */
public final class RedisEventStore implements EventStore, SnapshotStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventStore.class);
  private static final LuaScript DELETE = LuaScript.resource("delete.lua");

  private final Redis redis;
  private final RedisStoreSettings settings;
  private final RedisKeys keys;
  private final String server;

  private RedisEventStore(Redis redis, RedisStoreSettings settings) {
    this.redis = redis;
    this.settings = settings;
    this.keys = new RedisKeys(settings.keyPrefix());
    this.server = settings.describe();
  }

  /**
   * Opens a connection pool and loads the scripts. Fails with {@link StoreFailure} (UNAVAILABLE)
   * when Redis cannot be reached, so a misconfigured start-up stops early; once connected, the
   * store reconnects by itself after Redis comes back.
   */
  public static Future<RedisEventStore> connect(Vertx vertx, RedisStoreSettings settings) {
    Redis client = Redis.createClient(vertx, options(settings));
    RedisEventStore store = new RedisEventStore(client, settings);
    return store.loadScripts()
        .map(v -> {
          LOG.info("Redis event store connected to {}", store.server);
          return store;
        })
        .recover(e -> client.close().transform(ignored -> Future.failedFuture(e)));
  }

  static RedisOptions options(RedisStoreSettings s) {
    String host = s.host().contains(":") ? "[" + s.host() + "]" : s.host();
    RedisOptions o = new RedisOptions()
        .setConnectionString((s.tls() ? "rediss" : "redis") + "://" + host + ":" + s.port() + "/" + s.database())
        .setMaxPoolSize(s.maxPoolSize())
        .setMaxPoolWaiting(s.maxPoolWaiting())
        .setMaxWaitingHandlers(s.maxWaitingHandlers())
        .setPoolName("xcomponent-redis-store-" + s.keyPrefix());
    if (s.password() != null) {
      o.setPassword(s.password());
    }
    if (s.user() != null) {
      o.setUser(s.user());
    }
    o.getNetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis()))
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true)
        .setHostnameVerificationAlgorithm("HTTPS");
    return o;
  }

  private Future<Void> loadScripts() {
    return send(AppendScript.SCRIPT.load(), "SCRIPT LOAD")
        .compose(r -> send(DELETE.load(), "SCRIPT LOAD"))
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(e instanceof StoreFailure f && f.reason() == StoreFailure.Reason.REJECTED
            ? new StoreFailure(StoreFailure.Reason.REJECTED,
                "Redis refused the store's scripts (Redis 7 or later is required): " + e.getMessage(), e)
            : e));
  }

  // ---- writes ---------------------------------------------------------------------------------

  @Override
  public Future<AppendResult> append(List<StoredEvent> events, List<InstanceSnapshot> snapshots) {
    if (events.isEmpty() && snapshots.isEmpty()) {
      return Future.succeededFuture(AppendResult.ALL_WRITTEN);
    }
    List<String> args;
    try {
      args = AppendScript.arguments(keys.prefix(), settings.idempotencyKeyTtl().toMillis(), events, snapshots);
    } catch (StoreFailure f) {
      return Future.failedFuture(f);
    } catch (EncodeException e) {
      return Future.failedFuture(new StoreFailure(StoreFailure.Reason.REJECTED,
          "an event or snapshot holds a value that is not JSON: " + e.getMessage(), e));
    }
    return eval(AppendScript.SCRIPT, args, "append").map(AppendScript::result);
  }

  @Override
  public Future<Void> save(List<InstanceSnapshot> snapshots) {
    return append(List.of(), snapshots).mapEmpty();
  }

  @Override
  public Future<Void> delete(String instanceId) {
    return eval(DELETE, List.of(keys.prefix(), instanceId), "snapshot delete").mapEmpty();
  }

  // ---- reads ----------------------------------------------------------------------------------

  @Override
  public Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
    Request r = Request.cmd(Command.ZRANGEBYSCORE)
        .arg(keys.instanceEvents(instanceId)).arg("(" + afterSeq).arg("+inf");
    return send(r, "events read").map(reply -> decodeAll(reply, EventJson::decode));
  }

  /** One pipelined round trip: a {@code ZRANGEBYSCORE} per instance, sent together on one connection. */
  @Override
  public Future<Map<String, List<StoredEvent>>> eventsAfter(Map<String, Long> afterSeqByInstance) {
    if (afterSeqByInstance.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> ids = new ArrayList<>(afterSeqByInstance.keySet());
    List<Request> requests = new ArrayList<>(ids.size());
    for (String id : ids) {
      requests.add(Request.cmd(Command.ZRANGEBYSCORE)
          .arg(keys.instanceEvents(id)).arg("(" + afterSeqByInstance.get(id)).arg("+inf"));
    }
    return redis.batch(requests)
        .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(RedisFailures.translate(e, server, "events read")))
        .map(replies -> {
          Map<String, List<StoredEvent>> out = new LinkedHashMap<>(ids.size() * 2);
          for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), decodeAll(replies.get(i), EventJson::decode));
          }
          return out;
        });
  }

  @Override
  public Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
    if (limit <= 0 || from > to) {
      return Future.succeededFuture(List.of());
    }
    Request r = Request.cmd(Command.ZRANGEBYSCORE)
        .arg(keys.allEvents()).arg(from).arg(to).arg("LIMIT").arg(0).arg(limit);
    return send(r, "time range read").compose(ids -> eventsById(ids, false));
  }

  @Override
  public Future<List<StoredEvent>> causedBy(String eventId) {
    Request r = Request.cmd(Command.ZRANGE).arg(keys.causedBy(eventId)).arg(0).arg(-1);
    return send(r, "causality read").compose(members -> eventsById(members, true));
  }

  @Override
  public Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    Request r = Request.cmd(Command.ZRANGE).arg(keys.correlation(correlationId)).arg(0).arg(limit - 1);
    return send(r, "correlation read").compose(members -> eventsById(members, true));
  }

  @Override
  public Future<Optional<InstanceSnapshot>> load(String instanceId) {
    return send(Request.cmd(Command.GET).arg(keys.snapshot(instanceId)), "snapshot read")
        .map(reply -> reply == null ? Optional.<InstanceSnapshot>empty()
            : Optional.of(decode(reply.toString(), SnapshotJson::decode)));
  }

  @Override
  public Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    Request r = Request.cmd(Command.ZRANGEBYLEX).arg(keys.activeSnapshots(componentName))
        .arg(afterInstanceId == null ? "-" : "(" + afterInstanceId).arg("+")
        .arg("LIMIT").arg(0).arg(limit);
    return send(r, "active snapshots read").compose(ids -> {
      List<String> snapshotKeys = new ArrayList<>(ids.size());
      ids.forEach(id -> snapshotKeys.add(keys.snapshot(id.toString())));
      return mget(snapshotKeys, "active snapshots read");
    }).map(values -> {
      List<InstanceSnapshot> out = new ArrayList<>(values.size());
      for (String json : values) {
        InstanceSnapshot s = decode(json, SnapshotJson::decode);
        // an instance may finish or be deleted between the two commands
        if (s.isActive() && s.componentName().equals(componentName)) {
          out.add(s);
        }
      }
      return out;
    });
  }

  @Override
  public String describe() {
    return server;
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** The events named by the members of an id set, in the set's order; vanished ones are left out. */
  private Future<List<StoredEvent>> eventsById(Response members, boolean ordered) {
    List<String> eventKeys = new ArrayList<>(members.size());
    for (Response m : members) {
      String id = ordered ? RedisKeys.eventIdOfOrderedMember(m.toString()) : m.toString();
      eventKeys.add(keys.event(id));
    }
    return mget(eventKeys, "event read").map(values -> {
      List<StoredEvent> out = new ArrayList<>(values.size());
      values.forEach(json -> out.add(decode(json, EventJson::decode)));
      return out;
    });
  }

  /** The values of the keys that exist, in key order. */
  private Future<List<String>> mget(List<String> keyList, String what) {
    if (keyList.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Request r = Request.cmd(Command.MGET);
    keyList.forEach(r::arg);
    return send(r, what).map(reply -> {
      List<String> out = new ArrayList<>(reply.size());
      for (int i = 0; i < reply.size(); i++) {
        Response v = reply.get(i);
        if (v != null) {
          out.add(v.toString());
        }
      }
      return out;
    });
  }

  private static <T> List<T> decodeAll(Response reply, Function<String, T> decoder) {
    List<T> out = new ArrayList<>(reply.size());
    for (Response r : reply) {
      out.add(decode(r.toString(), decoder));
    }
    return out;
  }

  private static <T> T decode(String json, Function<String, T> decoder) {
    try {
      return decoder.apply(json);
    } catch (IllegalArgumentException e) {
      throw new StoreFailure(StoreFailure.Reason.REJECTED, "malformed record in Redis: " + e.getMessage(), e);
    }
  }

  /** Runs a script by digest, loading it again when the server has forgotten it. */
  private Future<Response> eval(LuaScript script, List<String> args, String what) {
    return send(script.evalSha(args), what).recover(e -> RedisFailures.isErrorReply(e.getCause(), "NOSCRIPT")
        ? send(script.eval(args), what)
        : Future.failedFuture(e));
  }

  /** Sends one command with the request timeout; every failure becomes a {@link StoreFailure}. */
  private Future<Response> send(Request request, String what) {
    return redis.send(request)
        .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(RedisFailures.translate(e, server, what)));
  }
}
