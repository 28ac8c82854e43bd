package dev.xcomponent.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.ServeCommand;
import dev.xcomponent.app.ServeConfig;
import dev.xcomponent.app.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under load (every connection cut, new ones refused) and comes back: while it
 * is away, events fail fast with 503 and change nothing; once it is back, the same runtime goes on
 * without a restart and the store has no gap.
 */
class StoreOutageTest {
  static Vertx vertx;
  static WebClient http;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void eventsFailFastWhileTheDatabaseIsAwayAndTheRuntimeRecoversByItself() throws Exception {
    String base = CrashRecoveryTest.pgBase();
    String admin = base.replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
    SqlClient client = PgBuilder.client().connectingTo(admin).using(vertx).build();
    client.query("DROP DATABASE IF EXISTS xc_outage WITH (FORCE)").execute().await(30, TimeUnit.SECONDS);
    client.query("CREATE DATABASE xc_outage").execute().await(30, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
    URI real = URI.create(base.replaceFirst("^postgres(ql)?://", "http://"));
    Proxy proxy = Proxy.start(real.getHost(), real.getPort() < 0 ? 5432 : real.getPort());
    String viaProxy = base.replaceFirst("@[^/]+/[^/?]*", "@127.0.0.1:" + proxy.port + "/xc_outage")
        + (base.contains("?") ? "&" : "?") + "connect_timeout=2";
    ServeConfig config = new ServeConfig(
        List.of(Path.of("src/test/resources/crash-component.yaml")), "127.0.0.1", 0, null, "memory",
        new StoreConfig(StoreConfig.Kind.POSTGRES, viaProxy, 10));
    try (ServeCommand.Server server = ServeCommand.start(config, System.err)) {
      int port = server.port();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(post(port, "/api/components/Crash/instances", new JsonObject().put("machineName", "Counter"))
            .bodyAsJsonObject().getString("instanceId"));
      }
      for (String id : ids) {
        assertThat(step(port, id, 1).statusCode()).isEqualTo(200);
      }

      proxy.cut();
      long t0 = System.nanoTime();
      for (String id : ids) {
        HttpResponse<Buffer> r = step(port, id, 2);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("UNAVAILABLE");
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).as("20 refused events answered within the store time limits").isLessThan(60);
      for (String id : ids) {
        JsonObject view = get(port, id).getJsonObject("instance");
        assertThat(view.getJsonObject("context").getInteger("n")).as("unchanged while the store is away").isEqualTo(1);
      }

      proxy.restore();
      long deadline = System.currentTimeMillis() + 30_000;
      for (String id : ids) {
        int status;
        do {
          status = step(port, id, 2).statusCode();
        } while (status == 503 && System.currentTimeMillis() < deadline && sleep());
        assertThat(status).as("the runtime recovers without a restart").isEqualTo(200);
        JsonObject history = http.get(port, "127.0.0.1", "/api/instances/" + id + "/history").send()
            .await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        List<Object> seqs = history.getJsonArray("history").stream().map(e -> ((JsonObject) e).getValue("seq")).toList();
        assertThat(seqs).as("no gap and no double write").containsExactly(1, 2, 3);
      }
    } finally {
      proxy.close();
    }
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(200);
    return true;
  }

  private static HttpResponse<Buffer> step(int port, String id, int n) throws Exception {
    return post(port, "/api/instances/" + id + "/events",
        new JsonObject().put("type", "STEP").put("payload", new JsonObject().put("n", n)));
  }

  private static HttpResponse<Buffer> post(int port, String path, JsonObject body) throws Exception {
    return http.post(port, "127.0.0.1", path).timeout(60_000).sendJsonObject(body).await(60, TimeUnit.SECONDS);
  }

  private static JsonObject get(int port, String id) throws Exception {
    return http.get(port, "127.0.0.1", "/api/instances/" + id).send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
  }

  /** A TCP relay to the database that can cut every connection and refuse new ones. */
  static final class Proxy {
    final int port;
    private final NetServer server;
    private final NetClient client;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private Proxy(NetServer server, NetClient client) {
      this.server = server;
      this.client = client;
      this.port = server.actualPort();
    }

    static Proxy start(String host, int targetPort) throws Exception {
      NetClient client = vertx.createNetClient();
      Proxy[] self = new Proxy[1];
      NetServer server = vertx.createNetServer().connectHandler(in -> {
        if (self[0].down) {
          in.close();
          return;
        }
        in.pause();
        client.connect(targetPort, host).onSuccess(out -> {
          self[0].open.add(in);
          self[0].open.add(out);
          in.handler(out::write);
          out.handler(in::write);
          in.closeHandler(v -> out.close());
          out.closeHandler(v -> in.close());
          in.resume();
        }).onFailure(e -> in.close());
      }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
      self[0] = new Proxy(server, client);
      return self[0];
    }

    void cut() {
      down = true;
      open.forEach(NetSocket::close);
      open.clear();
    }

    void restore() {
      down = false;
    }

    void close() throws Exception {
      cut();
      Future.join(server.close(), client.close()).await(10, TimeUnit.SECONDS);
    }
  }
}
