package dev.xcomponent.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.postgres.PgEventStore;
import dev.xcomponent.adapter.postgres.PgSettings;
import dev.xcomponent.adapter.redis.RedisEventStore;
import dev.xcomponent.adapter.redis.RedisStoreSettings;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.SqlClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the product as a child process on a real store, drives 10,000 events over 1,000 instances
 * from 64 concurrent clients, kills it with SIGKILL at a random moment, restarts it and checks:
 * every acknowledged event is stored exactly once, no sequence number is missing, every restored
 * instance equals the replay of its events, the instances go on taking events, and timers that came
 * due fire exactly once.
 */
class CrashRecoveryTest {
  static final int COUNTERS = 1_000;
  static final int STEPS_PER_COUNTER = 10;
  static final int TIMERS = 100;
  static final int CLIENTS = 64;

  static Vertx vertx;
  static WebClient http;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(CLIENTS));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  static String pgBase() {
    String url = System.getenv("XC_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? "postgresql://postgres@127.0.0.1:5432/test" : url;
  }

  static String redisBase() {
    String url = System.getenv("XC_TEST_REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379/0" : url;
  }

  @Test
  void postgresqlSurvivesKillNine() throws Exception {
    String admin = pgBase().replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
    SqlClient client = PgBuilder.client().connectingTo(admin).using(vertx).build();
    client.query("DROP DATABASE IF EXISTS xc_crash WITH (FORCE)").execute().await(30, TimeUnit.SECONDS);
    client.query("CREATE DATABASE xc_crash").execute().await(30, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
    String url = pgBase().replaceFirst("/[^/?]*(\\?.*)?$", "/xc_crash");
    EventStore verifier = PgEventStore.connect(vertx, PgSettings.parse(url)).await(30, TimeUnit.SECONDS);
    try {
      scenario(Map.of("DATABASE_URL", url, "SNAPSHOT_INTERVAL", "4"), verifier, "postgres");
    } finally {
      verifier.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void redisSurvivesKillNine() throws Exception {
    String url = redisBase().replaceFirst("/\\d+$", "") + "/9";
    Redis redis = Redis.createClient(vertx, url);
    redis.send(Request.cmd(Command.FLUSHDB)).await(10, TimeUnit.SECONDS);
    redis.close();
    EventStore verifier = RedisEventStore.connect(vertx, RedisStoreSettings.fromUrl(url)).await(30, TimeUnit.SECONDS);
    try {
      scenario(Map.of("REDIS_URL", url, "SNAPSHOT_INTERVAL", "4"), verifier, "redis");
    } finally {
      verifier.close().await(10, TimeUnit.SECONDS);
    }
  }

  private void scenario(Map<String, String> env, EventStore store, String name) throws Exception {
    Path log = Files.createDirectories(Path.of("target", "crash")).resolve(name + ".log");
    Files.deleteIfExists(log);
    String component = Path.of("src/test/resources/crash-component.yaml").toAbsolutePath().toString();
    List<String> counters;
    List<String> timers;
    Map<String, Integer> acked = new ConcurrentHashMap<>();
    try (ChildProcess first = ChildProcess.serve(env, log, component)) {
      timers = createAll(first.port, "Timer", TIMERS);
      counters = createAll(first.port, "Counter", COUNTERS);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sent = new AtomicInteger();
      List<Future<Void>> drivers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        List<String> mine = new ArrayList<>();
        for (int i = c; i < counters.size(); i += CLIENTS) {
          mine.add(counters.get(i));
        }
        drivers.add(drive(first.port, mine, acked, stop, sent));
      }
      Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1500));
      first.kill();
      stop.set(true);
      Future.join(drivers).otherwiseEmpty().await(30, TimeUnit.SECONDS);
      System.out.printf("%s: killed after %d events sent, %d acknowledged%n", name, sent.get(),
          acked.values().stream().mapToInt(Integer::intValue).sum());
    }
    try (ChildProcess second = ChildProcess.serve(env, log, component)) {
      for (String id : counters) {
        List<StoredEvent> events = store.events(id, 0).await(20, TimeUnit.SECONDS);
        assertThat(events).extracting(StoredEvent::seq).as("no gap for " + id)
            .containsExactlyElementsOf(range(1, events.size()));
        List<Object> steps = events.stream().skip(1).map(e -> (Object) ((Number) e.payload().get("n")).intValue()).toList();
        assertThat(steps).as("each step once, in order, for " + id).containsExactlyElementsOf(range(1, steps.size()).stream().map(l -> (Object) (int) (long) l).toList());
        assertThat(steps.size()).as("every acknowledged step is stored for " + id).isGreaterThanOrEqualTo(acked.getOrDefault(id, 0));
        JsonObject view = get(second.port, id).getJsonObject("instance");
        StoredEvent last = events.get(events.size() - 1);
        assertThat(view.getString("currentState")).isEqualTo(last.toState());
        assertThat(view.getJsonObject("context").getMap()).as("the instance is the replay of its events")
            .isEqualTo(new JsonObject(last.data()).getMap());
      }
      for (String id : counters.subList(0, 20)) {
        int next = store.events(id, 0).await(20, TimeUnit.SECONDS).size();
        JsonObject r = send(second.port, id, next).await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        assertThat(r.getString("outcome")).isEqualTo("transitioned");
      }
      long deadline = System.currentTimeMillis() + 15_000;
      for (String id : timers) {
        while (System.currentTimeMillis() < deadline && live(second.port, id)) {
          Thread.sleep(50);
        }
        List<StoredEvent> events = store.events(id, 0).await(20, TimeUnit.SECONDS);
        assertThat(events).extracting(StoredEvent::eventType).as("timer of " + id + " fired once")
            .containsExactly(StoredEvent.INSTANCE_CREATED, "EXPIRE");
      }
    }
  }

  private static List<Long> range(long from, long count) {
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      out.add(from + i);
    }
    return out;
  }

  private static List<String> createAll(int port, String machine, int n) throws Exception {
    List<Future<HttpResponse<io.vertx.core.buffer.Buffer>>> all = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(http.post(port, "127.0.0.1", "/api/components/Crash/instances")
          .sendJsonObject(new JsonObject().put("machineName", machine).put("context", new JsonObject().put("i", i))));
      if (all.size() == CLIENTS || i == n - 1) {
        for (Future<HttpResponse<io.vertx.core.buffer.Buffer>> f : all) {
          HttpResponse<io.vertx.core.buffer.Buffer> r = f.await(30, TimeUnit.SECONDS);
          assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
          ids.add(r.bodyAsJsonObject().getString("instanceId"));
        }
        all.clear();
      }
    }
    return ids;
  }

  /** One client: steps its instances round-robin, one request at a time, until stopped. */
  private static Future<Void> drive(int port, List<String> ids, Map<String, Integer> acked, AtomicBoolean stop, AtomicInteger sent) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> step(port, ids, 0, 1, acked, stop, sent, done));
    return done.future();
  }

  private static void step(int port, List<String> ids, int index, int n, Map<String, Integer> acked,
      AtomicBoolean stop, AtomicInteger sent, io.vertx.core.Promise<Void> done) {
    if (stop.get() || n > STEPS_PER_COUNTER) {
      done.tryComplete();
      return;
    }
    String id = ids.get(index);
    sent.incrementAndGet();
    send(port, id, n).onComplete(ar -> {
      if (ar.failed() || ar.result().statusCode() != 200) {
        done.tryComplete();
        return;
      }
      acked.put(id, n);
      int nextIndex = (index + 1) % ids.size();
      step(port, ids, nextIndex, nextIndex == 0 ? n + 1 : n, acked, stop, sent, done);
    });
  }

  private static Future<HttpResponse<io.vertx.core.buffer.Buffer>> send(int port, String id, int n) {
    return http.post(port, "127.0.0.1", "/api/instances/" + id + "/events")
        .timeout(10_000)
        .sendJsonObject(new JsonObject().put("type", "STEP").put("payload", new JsonObject().put("n", n)));
  }

  /** True while the instance is live (a finished one is either marked or no longer known). */
  private static boolean live(int port, String id) throws Exception {
    JsonObject instance = get(port, id).getJsonObject("instance");
    return instance != null && !instance.getBoolean("finished");
  }

  private static JsonObject get(int port, String id) throws Exception {
    return http.get(port, "127.0.0.1", "/api/instances/" + id).send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
  }
}
