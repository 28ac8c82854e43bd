package dev.xcomponent.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables and indexes, or brings existing ones (from the reference implementation or an
 * older version) up to date. Every statement is idempotent, and all run in one transaction that
 * first takes a transaction-scoped advisory lock, so runtimes starting together against the same
 * database wait for each other instead of racing on the catalog.
 *
 * <p>The trigram index of the audit text search comes after, in a transaction of its own, because
 * it needs the pg_trgm extension, which a server may lack or this user may not be allowed to
 * install. Without it the store still works: a text search then checks the rows its other filters
 * select (or all rows, newest first, when it has none) without an index. That is logged once per
 * process, as a warning.
 */
final class PgSchema {
  private static final Logger LOG = LoggerFactory.getLogger(PgSchema.class);
  private static final AtomicBoolean TRIGRAM_WARNED = new AtomicBoolean();

  private PgSchema() {}

  static List<String> statements() {
    List<String> all = new ArrayList<>();
    all.add(PgStatements.QUIET_SCHEMA);
    all.add(PgStatements.LOCK_SCHEMA);
    all.add(PgStatements.CREATE_EVENTS);
    all.add(PgStatements.CREATE_SNAPSHOTS);
    all.add(PgStatements.CREATE_OUTBOX);
    all.add(PgStatements.MIGRATE_LEGACY);
    all.addAll(PgStatements.ADD_COLUMNS);
    all.addAll(PgStatements.CREATE_INDEXES);
    return all;
  }

  /** Creates or migrates the schema, then tries to add the text search index. */
  static Future<Void> createOrMigrate(Pool pool) {
    return pool.withTransaction(conn -> run(conn, statements(), 0)).compose(v -> textIndex(pool)).mapEmpty();
  }

  /**
   * Installs pg_trgm when missing and builds the trigram index; never fails: when either cannot be
   * done, warns (once per process) and completes, leaving text searches unindexed.
   *
   * @return whether the index exists afterwards
   */
  static Future<Boolean> textIndex(Pool pool) {
    return pool.withTransaction(conn -> run(conn, List.of(PgStatements.QUIET_SCHEMA, PgStatements.LOCK_SCHEMA,
            PgStatements.CREATE_TRIGRAM_EXTENSION), 0)
        .compose(v -> conn.query(PgStatements.TRIGRAM_SCHEMA).execute())
        .compose(rows -> conn.query(PgStatements.createTextIndex(rows.iterator().next().getString(0))).execute()))
        .map(true)
        .otherwise(t -> {
          if (TRIGRAM_WARNED.compareAndSet(false, true)) {
            LOG.warn("Text search of snapshots runs without an index: the pg_trgm extension or its index cannot be"
                + " created ({}). Install it as a superuser (CREATE EXTENSION pg_trgm) to index it.", t.getMessage());
          }
          return false;
        });
  }

  private static Future<Void> run(SqlConnection conn, List<String> statements, int i) {
    if (i == statements.size()) {
      return Future.succeededFuture();
    }
    return conn.query(statements.get(i)).execute().compose(r -> run(conn, statements, i + 1));
  }
}
