package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.StoreFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The PostgreSQL server the tests use: {@code XC_TEST_POSTGRES_URL}, or the local server of the
 * development machines. Tests never skip when it is missing: they fail saying how to start it.
 */
final class PgTestDatabase {
  static final String ENV = "XC_TEST_POSTGRES_URL";
  static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

  private PgTestDatabase() {}

  static PgSettings settings() {
    String url = System.getenv(ENV);
    return PgSettings.parse(url == null || url.isBlank() ? DEFAULT_URL : url);
  }

  /** Connects, or fails the test with instructions when the server is not there. */
  static PgEventStore connect(Vertx vertx, PgSettings settings) throws Exception {
    try {
      return PgEventStore.connect(vertx, settings).await(30, TimeUnit.SECONDS);
    } catch (StoreFailure f) {
      if (f.reason() == StoreFailure.Reason.UNAVAILABLE) {
        throw new AssertionError("PostgreSQL is not reachable at " + settings.describe() + " (" + f.getMessage()
            + "). Start it with `pg_ctlcluster --skip-systemctl-redirect 15 main start` (or run .ci/run), or point "
            + ENV + " at a server.", f);
      }
      throw f;
    }
  }

  /** Runs {@code work} on a plain pool to the test server (for set-up and checks behind the store's back). */
  static <T> T withPool(Vertx vertx, Function<Pool, Future<T>> work) throws Exception {
    PgSettings s = settings();
    Pool pool = PgBuilder.pool()
        .connectingTo(new io.vertx.pgclient.PgConnectOptions().setHost(s.host()).setPort(s.port())
            .setDatabase(s.database()).setUser(s.user()).setPassword(s.password() == null ? "" : s.password()))
        .using(vertx).build();
    try {
      return work.apply(pool).await(30, TimeUnit.SECONDS);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Creates an empty schema with a fresh name, for tests that need tables of their own. */
  static String newSchema(Vertx vertx) throws Exception {
    String name = "xc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    withPool(vertx, pool -> pool.query("CREATE SCHEMA " + name).execute());
    return name;
  }

  static void dropSchema(Vertx vertx, String name) throws Exception {
    withPool(vertx, pool -> pool.query("DROP SCHEMA IF EXISTS " + name + " CASCADE").execute());
  }
}
