package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event and snapshot store on PostgreSQL (tables {@code fsm_events} and {@code fsm_snapshots}; see
 * {@code PgStatements} for the columns), through one bounded Vert.x connection pool.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@link #connect} creates or migrates the schema before handing out the store; two runtimes
 *       starting together serialise on an advisory lock.
 *   <li>An append is one SQL statement, hence one transaction: every event and snapshot of the
 *       batch is written, or none. A stored (instance, seq) makes it fail with {@code CONFLICT}; an
 *       event whose idempotency key is stored already (or appears earlier in the same batch) is
 *       skipped and reported in {@link AppendResult#duplicates()}.
 *   <li>A snapshot never replaces one with a higher sequence number.
 *   <li>No operation waits without bound: a connection is had within the connect timeout or the
 *       operation fails, at most {@code waitQueueSize} operations wait for one, and an operation
 *       that gets no answer within the operation timeout fails. Such failures are {@code
 *       UNAVAILABLE}; after a time-out the outcome of an append is unknown, and retrying it with
 *       the same idempotency keys is safe.
 *   <li>Nothing is retried here: the pool opens fresh connections when the server is back.
 * </ul>
 *
 * <p>Known limit (of vertx-pg-client 5.0.7, which applies no idle or handshake time-out to its
 * connections): a server that accepts TCP connections but never answers keeps the pool slots it
 * holds until the operating system drops those connections. Operations still fail within the
 * bounds above meanwhile.
 */
public final class PgEventStore implements EventStore, SnapshotStore {
  private static final Logger LOG = LoggerFactory.getLogger(PgEventStore.class);
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Comparator<StoredEvent> BY_INSTANCE_AND_SEQ =
      Comparator.comparing(StoredEvent::instanceId).thenComparingLong(StoredEvent::seq);

  /** Instances from which a request of {@link #eventsAfter} is read as two queries side by side. */
  private static final int SPLIT_EVENTS_AFTER = 256;

  /** The append statements are long; the driver's default (2048 chars) would re-prepare them each time. */
  private static final int PREPARED_SQL_LIMIT = 16 * 1024;

  private final Vertx vertx;
  private final Pool pool;
  private final PgSettings settings;
  private final PgFailures failures;

  private PgEventStore(Vertx vertx, Pool pool, PgSettings settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
    this.failures = new PgFailures(settings.describe());
  }

  /**
   * Opens the pool and creates or migrates the schema. Fails with a {@link
   * dev.xcomponent.port.StoreFailure} ({@code UNAVAILABLE} when the server cannot be reached within
   * the connect timeout); the pool is closed then.
   */
  public static Future<PgEventStore> connect(Vertx vertx, PgSettings settings) {
    Pool pool = PgBuilder.pool()
        .with(poolOptions(settings))
        .with(new NetClientOptions()
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setTcpKeepAlive(true))
        .connectingTo(connectOptions(settings))
        .using(vertx)
        .build();
    PgEventStore store = new PgEventStore(vertx, pool, settings);
    return PgSchema.createOrMigrate(pool)
        .map(v -> {
          LOG.info("PostgreSQL event store ready: {} (pool of {}, wait queue {})",
              settings.describe(), settings.poolSize(), settings.waitQueueSize());
          return store;
        })
        .recover(t -> {
          store.close(); // not awaited: closing waits for connection attempts that may never end
          return Future.failedFuture(store.failures.of(t));
        });
  }

  private static PoolOptions poolOptions(PgSettings s) {
    return new PoolOptions()
        .setName("xcomponent-pg")
        .setMaxSize(s.poolSize())
        .setMaxWaitQueueSize(s.waitQueueSize())
        // connections spread over event loops, whatever context the callers run on
        .setEventLoopSize(Math.min(s.poolSize(), Runtime.getRuntime().availableProcessors()))
        .setConnectionTimeout((int) s.connectTimeout().toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  private static PgConnectOptions connectOptions(PgSettings s) {
    PgConnectOptions o = new PgConnectOptions()
        .setHost(s.host())
        .setPort(s.port())
        .setDatabase(s.database())
        .setUser(s.user())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT)
        .setSslMode(SslMode.of(s.sslMode()));
    o.setPassword(s.password() == null ? "" : s.password()); // never the driver's default password
    o.addProperty("application_name", s.applicationName());
    if (s.searchPath() != null) {
      o.addProperty("search_path", s.searchPath());
    }
    if (!"disable".equals(s.sslMode())) {
      o.setSslOptions(sslOptions(s));
    }
    return o;
  }

  /**
   * libpq semantics: require/prefer/allow encrypt without checking the certificate; verify-ca
   * checks it against {@code sslrootcert} (or the JVM's trust store), verify-full the host name too.
   */
  private static ClientSSLOptions sslOptions(PgSettings s) {
    ClientSSLOptions ssl = new ClientSSLOptions();
    boolean verify = s.sslMode().startsWith("verify-");
    ssl.setHostnameVerificationAlgorithm("verify-full".equals(s.sslMode()) ? "HTTPS" : "");
    if (!verify) {
      return ssl.setTrustAll(true);
    }
    if (s.sslRootCert() != null) {
      return ssl.setTrustOptions(new PemTrustOptions().addCertPath(s.sslRootCert()));
    }
    try {
      TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jvm.init((KeyStore) null);
      return ssl.setTrustOptions(TrustOptions.wrap(jvm));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's trust store cannot be read", e);
    }
  }

  // ---- EventStore -------------------------------------------------------------------------------

  @Override
  public Future<AppendResult> append(
      List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<OutboxMessage> outbox) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(outbox, "outbox");
    Set<String> duplicates = new HashSet<>();
    List<StoredEvent> toWrite = withoutRepeatedKeys(events, duplicates);
    List<InstanceSnapshot> snaps = SnapshotRows.latestPerInstance(snapshots);
    if (toWrite.isEmpty() && snaps.isEmpty()) {
      return Future.succeededFuture(result(duplicates));
    }
    List<OutboxMessage> queued = toWrite.isEmpty() ? List.of() : outbox;
    String sql;
    Tuple params;
    try {
      if (toWrite.isEmpty()) {
        sql = PgStatements.UPSERT_SNAPSHOTS;
        params = SnapshotRows.addTo(Tuple.tuple(), snaps);
      } else {
        params = EventRows.addTo(Tuple.tuple(), toWrite);
        if (!snaps.isEmpty()) {
          SnapshotRows.addTo(params, snaps);
        }
        if (!queued.isEmpty()) {
          OutboxRows.addTo(params, queued);
        }
        sql = snaps.isEmpty()
            ? (queued.isEmpty() ? PgStatements.INSERT_EVENTS : PgStatements.INSERT_EVENTS_AND_OUTBOX)
            : (queued.isEmpty() ? PgStatements.INSERT_EVENTS_AND_SNAPSHOTS : PgStatements.INSERT_EVENTS_SNAPSHOTS_AND_OUTBOX);
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(failures.of(e));
    }
    return guard(pool.preparedQuery(sql).execute(params).map(rows -> {
      Set<String> writtenKeys = new HashSet<>();
      for (Row r : rows) {
        String key = r.getString(0);
        if (key != null) {
          writtenKeys.add(key);
        }
      }
      for (StoredEvent e : toWrite) {
        if (e.idempotencyKey() != null && !writtenKeys.contains(e.idempotencyKey())) {
          duplicates.add(e.id());
        }
      }
      return result(duplicates);
    }));
  }

  /**
   * The events to send, in (instance, seq) order so that concurrent batches lock index entries in
   * the same order; a repeated idempotency key within the batch keeps its first event.
   */
  private static List<StoredEvent> withoutRepeatedKeys(List<StoredEvent> events, Set<String> duplicates) {
    List<StoredEvent> out = new ArrayList<>(events.size());
    Set<String> keys = new HashSet<>();
    for (StoredEvent e : events) {
      if (e.idempotencyKey() != null && !keys.add(e.idempotencyKey())) {
        duplicates.add(e.id());
      } else {
        out.add(e);
      }
    }
    out.sort(BY_INSTANCE_AND_SEQ);
    return out;
  }

  private static AppendResult result(Set<String> duplicates) {
    return duplicates.isEmpty() ? AppendResult.ALL_WRITTEN : new AppendResult(duplicates);
  }

  @Override
  public Future<List<OutboxMessage>> outbox(String componentName, long afterPosition, int limit) {
    return guard(pool.preparedQuery(PgStatements.OUTBOX_PAGE).execute(Tuple.of(componentName, afterPosition, limit))
        .map(rows -> readAll(rows, r -> OutboxRows.read(r, componentName))));
  }

  @Override
  public Future<Void> relayed(String componentName, List<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return guard(pool.preparedQuery(PgStatements.OUTBOX_RELAYED)
        .execute(Tuple.of(componentName).addArrayOfString(messageIds.toArray(new String[0]))).mapEmpty());
  }

  @Override
  public Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
    return queryEvents(PgStatements.EVENTS_OF_INSTANCE, Tuple.of(instanceId, afterSeq));
  }

  /**
   * One query for all the instances, instead of one per instance; a large request (a page of a
   * restore) is split in two halves read side by side, on two connections, so that the server
   * looks them up and this process decodes them in parallel.
   */
  @Override
  public Future<java.util.Map<String, List<StoredEvent>>> eventsAfter(java.util.Map<String, Long> afterSeqByInstance) {
    if (afterSeqByInstance.isEmpty()) {
      return Future.succeededFuture(java.util.Map.of());
    }
    String[] ids = afterSeqByInstance.keySet().toArray(new String[0]);
    Long[] seqs = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      seqs[i] = afterSeqByInstance.get(ids[i]);
    }
    int half = ids.length >= 2 * SPLIT_EVENTS_AFTER ? ids.length / 2 : ids.length;
    List<Future<List<StoredEvent>>> parts = new ArrayList<>(2);
    parts.add(eventsAfter(Arrays.copyOfRange(ids, 0, half), Arrays.copyOfRange(seqs, 0, half)));
    if (half < ids.length) {
      parts.add(eventsAfter(Arrays.copyOfRange(ids, half, ids.length), Arrays.copyOfRange(seqs, half, ids.length)));
    }
    return Future.all(parts).map(all -> {
      java.util.Map<String, List<StoredEvent>> out = new java.util.LinkedHashMap<>(ids.length * 2);
      for (String id : ids) {
        out.put(id, List.of());
      }
      for (Future<List<StoredEvent>> part : parts) {
        // ordered by instance, then sequence
        List<StoredEvent> current = null;
        for (StoredEvent e : part.result()) {
          if (current == null || !current.get(0).instanceId().equals(e.instanceId())) {
            current = new ArrayList<>(4);
            out.put(e.instanceId(), current);
          }
          current.add(e);
        }
      }
      return out;
    });
  }

  private Future<List<StoredEvent>> eventsAfter(String[] ids, Long[] seqs) {
    return queryEvents(PgStatements.EVENTS_AFTER_MANY, Tuple.tuple().addArrayOfString(ids).addArrayOfLong(seqs));
  }

  @Override
  public Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
    if (limit <= 0 || from > to) {
      return Future.succeededFuture(List.of());
    }
    return queryEvents(PgStatements.EVENTS_BY_TIME, Tuple.of(from, to, limit));
  }

  @Override
  public Future<List<StoredEvent>> causedBy(String eventId) {
    if (eventId == null || !UUID_TEXT.matcher(eventId).matches()) {
      return Future.succeededFuture(List.of()); // event ids are UUIDs: nothing can point at another id
    }
    return queryEvents(PgStatements.EVENTS_CAUSED_BY, Tuple.of(eventId));
  }

  @Override
  public Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    return queryEvents(PgStatements.EVENTS_BY_CORRELATION, Tuple.of(correlationId, limit));
  }

  private Future<List<StoredEvent>> queryEvents(String sql, Tuple params) {
    return guard(pool.preparedQuery(sql).execute(params).map(PgEventStore::events));
  }

  // ---- SnapshotStore ----------------------------------------------------------------------------

  @Override
  public Future<Void> save(List<InstanceSnapshot> snapshots) {
    List<InstanceSnapshot> snaps = SnapshotRows.latestPerInstance(Objects.requireNonNull(snapshots, "snapshots"));
    if (snaps.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params;
    try {
      params = SnapshotRows.addTo(Tuple.tuple(), snaps);
    } catch (RuntimeException e) {
      return Future.failedFuture(failures.of(e));
    }
    return guard(pool.preparedQuery(PgStatements.UPSERT_SNAPSHOTS).execute(params).mapEmpty());
  }

  @Override
  public Future<Optional<InstanceSnapshot>> load(String instanceId) {
    return guard(pool.preparedQuery(PgStatements.LOAD_SNAPSHOT).execute(Tuple.of(instanceId))
        .map(rows -> snapshots(rows).stream().findFirst()));
  }

  @Override
  public Future<List<InstanceSnapshot>> entryPoints(String componentName) {
    return guard(pool.preparedQuery(PgStatements.ENTRY_POINTS).execute(Tuple.of(componentName))
        .map(rows -> readAll(rows, SnapshotRows::read)));
  }

  @Override
  public Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    Future<RowSet<Row>> rows = afterInstanceId == null
        ? pool.preparedQuery(PgStatements.ACTIVE_SNAPSHOTS_FIRST).execute(Tuple.of(componentName, limit))
        : pool.preparedQuery(PgStatements.ACTIVE_SNAPSHOTS_AFTER).execute(Tuple.of(componentName, afterInstanceId, limit));
    return guard(rows.map(PgEventStore::snapshots));
  }

  /**
   * One query on {@code fsm_snapshots}: the name filters and the order are served by the indexes
   * {@code fsm_snapshots_search} (component first) and {@code fsm_snapshots_search_machine}
   * (machine first), an unfiltered search by {@code fsm_snapshots_recent}; the text filter ({@code
   * ILIKE} on the id and the data, wildcards escaped) by the trigram index {@code
   * fsm_snapshots_text} when pg_trgm could be installed.
   */
  @Override
  public Future<List<InstanceSnapshot>> search(SnapshotSearch q) {
    Tuple params = Tuple.tuple();
    if (q.component() != null) {
      params.addString(q.component());
    }
    if (q.machine() != null) {
      params.addString(q.machine());
    }
    if (q.state() != null) {
      params.addString(q.state());
    }
    if (q.text() != null) {
      params.addString(PgStatements.containsPattern(q.text()));
    }
    params.addInteger(q.limit());
    String sql = PgStatements.searchSnapshots(q.component() != null, q.machine() != null, q.state() != null,
        q.text() != null);
    return guard(pool.preparedQuery(sql).execute(params).map(PgEventStore::snapshots));
  }

  @Override
  public Future<Void> delete(String instanceId) {
    return guard(pool.preparedQuery(PgStatements.DELETE_SNAPSHOT).execute(Tuple.of(instanceId)).mapEmpty());
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  /** The database URL with the password masked. */
  @Override
  public String describe() {
    return settings.describe();
  }

  /**
   * Closes the pool; operations still running fail. The close is started on a later event-loop
   * turn: vertx-sql-client 5.0.7 breaks a close begun inside the failure callback of a request
   * whose wait for a connection just timed out (the pool then never finishes closing).
   */
  @Override
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    vertx.runOnContext(v -> pool.close().onComplete(closed));
    return closed.future();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Bounds an operation by the operation timeout and turns every failure into a StoreFailure. */
  private <T> Future<T> guard(Future<T> operation) {
    return operation
        .timeout(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .recover(t -> Future.failedFuture(failures.of(t)));
  }

  /*
   * One loop per row type rather than readAll with a function: a restore reads many rows of both,
   * and a shared loop made the JIT compile it again each time the other reader came through.
   */
  private static List<StoredEvent> events(RowSet<Row> rows) {
    List<StoredEvent> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(EventRows.read(r));
    }
    return out;
  }

  private static List<InstanceSnapshot> snapshots(RowSet<Row> rows) {
    List<InstanceSnapshot> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(SnapshotRows.read(r));
    }
    return out;
  }

  private static <T> List<T> readAll(RowSet<Row> rows, Function<Row, T> read) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(read.apply(r));
    }
    return out;
  }
}
