package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.SnapshotSearch;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>The audit {@link #search} reads search indexes kept by the append script in the same atomic
 * write as the snapshot: one sorted set per (component, machine, state), scored by update time,
 * and one of all snapshots ({@link RedisKeys}). A read-only script ({@code search.lua}) walks the
 * index of the filters newest first, or merges the indexes that match when only some names are
 * given, and returns the snapshots themselves: one round trip without a text. A text is matched in
 * the script against the lower-cased id and data of each instance walked, over at most {@link
 * #DEFAULT_SEARCH_BUDGET} index entries (in steps of {@link #SEARCH_STEP}, so that no script call
 * holds Redis for long): a rare text in a larger selection may return fewer matches than exist,
 * and narrowing the search by component, machine or state lifts that bound. Snapshots written by
 * a version without search indexes are indexed once, in the background, at the first connection
 * to a prefix.
 */
public final class RedisEventStore implements EventStore, SnapshotStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventStore.class);
  private static final LuaScript DELETE = LuaScript.resource("delete.lua");
  private static final LuaScript SEARCH = LuaScript.resource("search.lua");

  /** Index entries a text search walks at most. */
  public static final int DEFAULT_SEARCH_BUDGET = 10_000;

  /** Index entries one search script call walks at most. */
  public static final int SEARCH_STEP = 1_000;

  /** Snapshots read per step of the one-time indexing of older snapshots. */
  private static final int REINDEX_STEP = 500;

  private static final Comparator<InstanceSnapshot> NEWEST_FIRST =
      Comparator.comparingLong(InstanceSnapshot::updatedAt).thenComparing(InstanceSnapshot::instanceId).reversed();

  private final Redis redis;
  private final RedisStoreSettings settings;
  private final RedisKeys keys;
  private final String server;
  private int searchBudget = DEFAULT_SEARCH_BUDGET;

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
          store.indexOlderSnapshots();
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
        .compose(r -> send(SEARCH.load(), "SCRIPT LOAD"))
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(e instanceof StoreFailure f && f.reason() == StoreFailure.Reason.REJECTED
            ? new StoreFailure(StoreFailure.Reason.REJECTED,
                "Redis refused the store's scripts (Redis 7 or later is required): " + e.getMessage(), e)
            : e));
  }

  // ---- writes ---------------------------------------------------------------------------------

  @Override
  public Future<AppendResult> append(
      List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox) {
    if (events.isEmpty() && snapshots.isEmpty()) {
      return Future.succeededFuture(AppendResult.ALL_WRITTEN);
    }
    List<String> args;
    try {
      args = AppendScript.arguments(keys.prefix(), settings.idempotencyKeyTtl().toMillis(), events, snapshots, outbox);
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

  @Override
  public Future<Void> relayed(String componentName, List<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    Request zrem = Request.cmd(Command.ZREM).arg(keys.outboxPending(componentName));
    Request hdel = Request.cmd(Command.HDEL).arg(keys.outboxBodies(componentName));
    for (String id : messageIds) {
      zrem.arg(id);
      hdel.arg(id);
    }
    // ZREM first: a body left behind by a failure in between is never read again.
    return send(zrem, "outbox update").compose(v -> send(hdel, "outbox update")).mapEmpty();
  }

  // ---- reads ----------------------------------------------------------------------------------

  @Override
  public Future<List<OutboxMessage>> outbox(String componentName, long afterPosition, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    Request page = Request.cmd(Command.ZRANGEBYSCORE).arg(keys.outboxPending(componentName))
        .arg("(" + afterPosition).arg("+inf").arg("WITHSCORES").arg("LIMIT").arg(0).arg(limit);
    return send(page, "outbox read").compose(reply -> {
      List<String> ids = new ArrayList<>();
      List<Long> positions = new ArrayList<>();
      for (int i = 0; i < reply.size(); i++) {
        Response entry = reply.get(i);
        if (entry.type() == io.vertx.redis.client.ResponseType.MULTI) { // RESP3: [member, score] pairs
          ids.add(entry.get(0).toString());
          positions.add(entry.get(1).toDouble().longValue());
        } else { // RESP2: member, score, member, score…
          ids.add(entry.toString());
          positions.add((long) Double.parseDouble(reply.get(++i).toString()));
        }
      }
      if (ids.isEmpty()) {
        return Future.succeededFuture(List.<OutboxMessage>of());
      }
      Request bodies = Request.cmd(Command.HMGET).arg(keys.outboxBodies(componentName));
      ids.forEach(bodies::arg);
      return send(bodies, "outbox read").map(values -> {
        List<OutboxMessage> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
          Response body = values.get(i);
          if (body != null) {
            out.add(OutboxJson.decode(ids.get(i), componentName, positions.get(i), body.toString()));
          }
        }
        return out;
      });
    });
  }

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
    return activeSnapshots(componentName, afterInstanceId, limit, new ArrayList<>(Math.min(limit, 1024)));
  }

  /**
   * Adds to {@code out} the active snapshots after {@code afterInstanceId} until it holds {@code
   * limit}, decoded from their bytes. An instance may finish or be deleted between the index read
   * and the snapshot read: it is left out and the index read on after it, so that a page falls
   * short of {@code limit} only at the end of the index (a restore stops at a short page).
   */
  private Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit,
      List<InstanceSnapshot> out) {
    int wanted = limit - out.size();
    Request r = Request.cmd(Command.ZRANGEBYLEX).arg(keys.activeSnapshots(componentName))
        .arg(afterInstanceId == null ? "-" : "(" + afterInstanceId).arg("+")
        .arg("LIMIT").arg(0).arg(wanted);
    return send(r, "active snapshots read").compose(ids -> {
      if (ids.size() == 0) {
        return Future.succeededFuture(out);
      }
      Request get = Request.cmd(Command.MGET);
      ids.forEach(id -> get.arg(keys.snapshot(id.toString())));
      return send(get, "active snapshots read").compose(values -> {
        for (Response v : values) {
          InstanceSnapshot s = v == null ? null : decode(v.toBytes(), SnapshotJson::decode);
          if (s != null && s.isActive() && s.componentName().equals(componentName)) {
            out.add(s);
          }
        }
        return ids.size() < wanted || out.size() >= limit
            ? Future.succeededFuture(out)
            : activeSnapshots(componentName, ids.get(ids.size() - 1).toString(), limit, out);
      });
    });
  }

  @Override
  public Future<List<InstanceSnapshot>> entryPoints(String componentName) {
    return send(Request.cmd(Command.SMEMBERS).arg(keys.entryPoints(componentName)), "entry points read")
        .compose(ids -> {
          List<String> snapshotKeys = new ArrayList<>(ids.size());
          ids.forEach(id -> snapshotKeys.add(keys.snapshot(id.toString())));
          return mget(snapshotKeys, "entry points read");
        })
        .map(values -> {
          List<InstanceSnapshot> out = new ArrayList<>(values.size());
          for (String json : values) {
            InstanceSnapshot s = decode(json, SnapshotJson::decode);
            if (s.entryPoint() && s.componentName().equals(componentName)) {
              out.add(s);
            }
          }
          out.sort(java.util.Comparator.comparing(InstanceSnapshot::instanceId));
          return out;
        });
  }

  /**
   * Walks the search indexes of the filters newest first, in script calls of at most {@link
   * #SEARCH_STEP} entries, until {@code limit} matches, the end of the indexes or, with a text,
   * the search budget. An instance re-scored between two calls may be seen twice: it is kept once.
   */
  @Override
  public Future<List<InstanceSnapshot>> search(SnapshotSearch q) {
    String needle = q.text() == null ? "" : q.text().toLowerCase(Locale.ROOT);
    List<String> start = List.of("filter", RedisKeys.segment(q.component()), RedisKeys.segment(q.machine()),
        RedisKeys.segment(q.state()));
    return searchStep(q, needle, start, 0, new ArrayList<>(), new HashSet<>()).map(found -> {
      found.sort(NEWEST_FIRST);
      return found;
    });
  }

  private Future<List<InstanceSnapshot>> searchStep(SnapshotSearch q, String needle, List<String> from, int walked,
      List<InstanceSnapshot> found, Set<String> seen) {
    int step = needle.isEmpty() ? q.limit() : Math.min(SEARCH_STEP, searchBudget - walked);
    List<String> args = new ArrayList<>(4 + from.size());
    args.add(keys.prefix());
    args.add(needle);
    args.add(Integer.toString(q.limit() - found.size()));
    args.add(Integer.toString(step));
    args.addAll(from);
    return eval(SEARCH, args, "snapshot search").compose(reply -> {
      int nowWalked = walked + reply.get(0).toInteger();
      boolean end = reply.get(1).toInteger() == 1;
      int sources = reply.get(2).toInteger();
      List<String> resume = new ArrayList<>(2 + 2 * sources);
      resume.add("resume");
      resume.add(Integer.toString(sources));
      for (int i = 0; i < 2 * sources; i++) {
        resume.add(reply.get(3 + i).toString());
      }
      for (int i = 3 + 2 * sources; i < reply.size(); i++) {
        InstanceSnapshot s = decode(reply.get(i).toString(), SnapshotJson::decode);
        if (q.matchesNames(s) && seen.add(s.instanceId())) {
          found.add(s);
        }
      }
      if (end || found.size() >= q.limit() || needle.isEmpty() || nowWalked >= searchBudget) {
        return Future.succeededFuture(found);
      }
      return searchStep(q, needle, resume, nowWalked, found, seen);
    });
  }

  /** Sets how many index entries a text search walks at most (tests). */
  RedisEventStore searchBudget(int entries) {
    this.searchBudget = entries;
    return this;
  }

  /**
   * Once per prefix: saves again, unchanged, every snapshot written before the search indexes
   * existed, so that the append script indexes it (a newer snapshot written meanwhile wins, as
   * always). Runs in the background; failures are logged and the work is done again at the next
   * start.
   */
  private void indexOlderSnapshots() {
    send(Request.cmd(Command.GET).arg(keys.snapshotsIndexed()), "search index check")
        .compose(done -> done != null ? Future.succeededFuture(-1)
            : reindexFrom("0", 0).compose(n -> send(Request.cmd(Command.SET).arg(keys.snapshotsIndexed()).arg("1"),
                "search index mark").map(n)))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("Indexed {} snapshots written before the search indexes existed ({})", n, server);
          }
        })
        .onFailure(e -> LOG.warn("Indexing older snapshots for search failed; it runs again at the next start: {}",
            e.getMessage()));
  }

  private Future<Integer> reindexFrom(String cursor, int done) {
    Request scan = Request.cmd(Command.SSCAN).arg(keys.allSnapshots()).arg(cursor).arg("COUNT").arg(REINDEX_STEP);
    return send(scan, "search indexing").compose(reply -> {
      String next = reply.get(0).toString();
      List<String> snapshotKeys = new ArrayList<>();
      reply.get(1).forEach(id -> snapshotKeys.add(keys.snapshot(id.toString())));
      return mget(snapshotKeys, "search indexing").compose(values -> {
        List<InstanceSnapshot> snapshots = new ArrayList<>(values.size());
        int malformed = 0;
        for (String json : values) {
          try {
            snapshots.add(SnapshotJson.decode(json));
          } catch (IllegalArgumentException e) {
            malformed++;
          }
        }
        if (malformed > 0) {
          LOG.warn("{} snapshots in Redis that this store cannot read are left out of the search indexes", malformed);
        }
        return snapshots.isEmpty() ? Future.succeededFuture() : save(snapshots);
      }).compose(v -> "0".equals(next)
          ? Future.succeededFuture(done + snapshotKeys.size())
          : reindexFrom(next, done + snapshotKeys.size()));
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

  /** Decodes each record of a reply from its bytes (no string of the whole record is made). */
  private static <T> List<T> decodeAll(Response reply, Function<byte[], T> decoder) {
    List<T> out = new ArrayList<>(reply.size());
    for (Response r : reply) {
      out.add(decode(r.toBytes(), decoder));
    }
    return out;
  }

  private static <J, T> T decode(J json, Function<J, T> decoder) {
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
