package dev.xcomponent.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables and indexes, or brings existing ones (from the reference implementation or an
 * older version) up to date. Every statement is idempotent, and all run in one transaction that
 * first takes a transaction-scoped advisory lock, so runtimes starting together against the same
 * database wait for each other instead of racing on the catalog.
 */
final class PgSchema {
  private PgSchema() {}

  static List<String> statements() {
    List<String> all = new ArrayList<>();
    all.add(PgStatements.QUIET_SCHEMA);
    all.add(PgStatements.LOCK_SCHEMA);
    all.add(PgStatements.CREATE_EVENTS);
    all.add(PgStatements.CREATE_SNAPSHOTS);
    all.add(PgStatements.MIGRATE_LEGACY);
    all.addAll(PgStatements.ADD_COLUMNS);
    all.addAll(PgStatements.CREATE_INDEXES);
    return all;
  }

  static Future<Void> createOrMigrate(Pool pool) {
    return pool.withTransaction(conn -> run(conn, statements(), 0));
  }

  private static Future<Void> run(SqlConnection conn, List<String> statements, int i) {
    if (i == statements.size()) {
      return Future.succeededFuture();
    }
    return conn.query(statements.get(i)).execute().compose(r -> run(conn, statements, i + 1));
  }
}
