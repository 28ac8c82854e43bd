package dev.xcomponent.examples.orderpayment.distributed;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh PostgreSQL database per test class on the server of {@code XC_TEST_POSTGRES_URL}
 * (default {@code postgresql://postgres@127.0.0.1:5432/test}), so runtimes restore nothing from
 * earlier runs; dropped at the end.
 */
final class Databases implements AutoCloseable {
  static final String SERVER = System.getenv().getOrDefault("XC_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test");

  private final Vertx vertx = Vertx.vertx();
  private final String name = "xc_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private Pool pool;

  String create() throws Exception {
    admin("CREATE DATABASE " + name);
    String url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
    pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    return url;
  }

  /** Rows of {@code fsm_events} for one instance: event type and sequence number, in order. */
  List<String> events(String instanceId) throws Exception {
    List<String> out = new ArrayList<>();
    for (Row r : pool.preparedQuery("SELECT event_type, seq FROM fsm_events WHERE instance_id = $1 ORDER BY seq")
        .execute(Tuple.of(instanceId)).await(20, TimeUnit.SECONDS)) {
      out.add(r.getLong("seq") + ":" + r.getString("event_type"));
    }
    return out;
  }

  /** Messages of a component's outbox not yet handed to the broker. */
  long outbox(String component) throws Exception {
    return pool.preparedQuery("SELECT count(*) FROM fsm_outbox WHERE component_name = $1")
        .execute(Tuple.of(component)).await(20, TimeUnit.SECONDS).iterator().next().getLong(0);
  }

  private void admin(String sql) throws Exception {
    Pool admin = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(SERVER)).using(vertx).build();
    try {
      admin.query(sql).execute().await(30, TimeUnit.SECONDS);
    } finally {
      admin.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws Exception {
    if (pool != null) {
      pool.close().await(10, TimeUnit.SECONDS);
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
