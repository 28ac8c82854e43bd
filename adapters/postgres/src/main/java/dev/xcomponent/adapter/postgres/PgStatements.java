package dev.xcomponent.adapter.postgres;

import java.util.List;

/**
 * Every SQL text of the PostgreSQL store, in one place.
 *
 * <p>Column rules (users of the reference query these tables, so its column names and meanings are
 * kept):
 *
 * <ul>
 *   <li>{@code instance_id} is {@code TEXT COLLATE "C"}, not {@code UUID}: instance ids are UUIDs
 *       today, but a text column never refuses another id form, and the "C" collation makes paging
 *       by instance id follow plain code-point order on every server locale.
 *   <li>{@code fsm_events.context} is the instance data after the event; {@code
 *       public_member_snapshot} is the public member, or the data when the machine has none (as in
 *       the reference), with {@code has_public_member} telling the two apart.
 *   <li>{@code raw_context} (both tables) holds the context map only when it differs from {@code
 *       context}; NULL means "same as {@code context}".
 *   <li>{@code fsm_snapshots.context} is the instance data: the public member when there is one,
 *       otherwise the context.
 * </ul>
 */
final class PgStatements {
  private PgStatements() {}

  /** Key of the transaction-scoped advisory lock that serialises schema creation. */
  static final long SCHEMA_LOCK_KEY = 0x7863_6f6d_7067_0001L;

  static final String LOCK_SCHEMA = "SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")";

  /** Silences the "already exists, skipping" notices of the idempotent DDL. */
  static final String QUIET_SCHEMA = "SET LOCAL client_min_messages = warning";

  static final String CREATE_EVENTS = """
      CREATE TABLE IF NOT EXISTS fsm_events (
        id UUID PRIMARY KEY,
        instance_id TEXT COLLATE "C" NOT NULL,
        seq BIGINT NOT NULL,
        machine_name VARCHAR(255) NOT NULL,
        component_name VARCHAR(255) NOT NULL,
        event_type VARCHAR(255) NOT NULL,
        event_payload JSONB NOT NULL,
        from_state VARCHAR(255),
        to_state VARCHAR(255),
        context JSONB,
        public_member_snapshot JSONB,
        has_public_member BOOLEAN NOT NULL DEFAULT false,
        raw_context JSONB,
        status VARCHAR(16),
        transition_index INT,
        source_component_name VARCHAR(255),
        correlation_id VARCHAR(255),
        causation_id UUID,
        idempotency_key VARCHAR(255),
        persisted_at BIGINT NOT NULL,
        created_at TIMESTAMPTZ DEFAULT now()
      )""";

  static final String CREATE_SNAPSHOTS = """
      CREATE TABLE IF NOT EXISTS fsm_snapshots (
        instance_id TEXT COLLATE "C" PRIMARY KEY,
        component_name VARCHAR(255),
        machine_name VARCHAR(255),
        current_state VARCHAR(255) NOT NULL,
        status VARCHAR(16),
        context JSONB,
        public_member JSONB,
        raw_context JSONB,
        created_at_ms BIGINT,
        updated_at_ms BIGINT,
        is_entry_point BOOLEAN,
        parent_instance_id TEXT,
        parent_machine_name VARCHAR(255),
        seq BIGINT,
        event_count INT DEFAULT 0,
        correlation_id VARCHAR(255),
        last_event_id TEXT,
        pending_timeouts JSONB DEFAULT '[]',
        created_at TIMESTAMPTZ,
        updated_at TIMESTAMPTZ DEFAULT now()
      )""";

  /**
   * Messages for other components written with the event that produced them (transactional
   * outbox), removed once the broker took them; {@code position} keeps the order of appends.
   */
  static final String CREATE_OUTBOX = """
      CREATE TABLE IF NOT EXISTS fsm_outbox (
        position BIGSERIAL PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        event_id UUID NOT NULL,
        component_name VARCHAR(255) NOT NULL,
        channel TEXT NOT NULL,
        message JSONB NOT NULL,
        created_at TIMESTAMPTZ DEFAULT now()
      )""";

  /**
   * Brings tables created by the reference implementation (or an older version of this store) to
   * the current shape, once: UUID instance and correlation ids become text, and events that have no
   * sequence number get one, numbered per instance in time order.
   */
  static final String MIGRATE_LEGACY = """
      DO $migrate$
      BEGIN
        IF (SELECT atttypid = 'uuid'::regtype FROM pg_attribute
            WHERE attrelid = 'fsm_events'::regclass AND attname = 'instance_id' AND NOT attisdropped) THEN
          ALTER TABLE fsm_events ALTER COLUMN instance_id TYPE TEXT COLLATE "C" USING instance_id::text;
        END IF;
        IF (SELECT atttypid = 'uuid'::regtype FROM pg_attribute
            WHERE attrelid = 'fsm_events'::regclass AND attname = 'correlation_id' AND NOT attisdropped) THEN
          ALTER TABLE fsm_events ALTER COLUMN correlation_id TYPE VARCHAR(255) USING correlation_id::text;
        END IF;
        IF (SELECT atttypid = 'uuid'::regtype FROM pg_attribute
            WHERE attrelid = 'fsm_snapshots'::regclass AND attname = 'instance_id' AND NOT attisdropped) THEN
          ALTER TABLE fsm_snapshots ALTER COLUMN instance_id TYPE TEXT COLLATE "C" USING instance_id::text;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_attribute
            WHERE attrelid = 'fsm_events'::regclass AND attname = 'seq' AND NOT attisdropped) THEN
          ALTER TABLE fsm_events ADD COLUMN seq BIGINT;
          UPDATE fsm_events e SET seq = n.rn
            FROM (SELECT id, row_number() OVER (PARTITION BY instance_id ORDER BY persisted_at, created_at, id) AS rn
                  FROM fsm_events) n
           WHERE e.id = n.id;
        END IF;
      END
      $migrate$""";

  /** Columns added to tables that exist already (cheap: no table rewrite). */
  static final List<String> ADD_COLUMNS = List.of(
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS component_name VARCHAR(255)",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS has_public_member BOOLEAN NOT NULL DEFAULT false",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS raw_context JSONB",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS status VARCHAR(16)",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS transition_index INT",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS source_component_name VARCHAR(255)",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS correlation_id VARCHAR(255)",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS causation_id UUID",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS idempotency_key VARCHAR(255)",
      "ALTER TABLE fsm_events ADD COLUMN IF NOT EXISTS created_at TIMESTAMPTZ DEFAULT now()",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS component_name VARCHAR(255)",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS machine_name VARCHAR(255)",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS status VARCHAR(16)",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS public_member JSONB",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS raw_context JSONB",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS created_at_ms BIGINT",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS updated_at_ms BIGINT",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS is_entry_point BOOLEAN",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS parent_instance_id TEXT",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS parent_machine_name VARCHAR(255)",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS seq BIGINT",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS event_count INT DEFAULT 0",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS correlation_id VARCHAR(255)",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS last_event_id TEXT",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS pending_timeouts JSONB DEFAULT '[]'",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS created_at TIMESTAMPTZ",
      "ALTER TABLE fsm_snapshots ADD COLUMN IF NOT EXISTS updated_at TIMESTAMPTZ DEFAULT now()");

  /** Result order of the audit search; legacy rows without a millisecond time come last. */
  static final String NEWEST_FIRST = "updated_at_ms DESC NULLS LAST, instance_id DESC";

  /** Name of the unique index that makes (instance, seq) a single writer's. */
  static final String INSTANCE_SEQ_INDEX = "fsm_events_instance_seq_key";

  static final List<String> CREATE_INDEXES = List.of(
      "CREATE UNIQUE INDEX IF NOT EXISTS " + INSTANCE_SEQ_INDEX + " ON fsm_events (instance_id, seq)",
      "CREATE UNIQUE INDEX IF NOT EXISTS fsm_events_idempotency_key ON fsm_events (idempotency_key)"
          + " WHERE idempotency_key IS NOT NULL",
      "CREATE INDEX IF NOT EXISTS fsm_events_persisted_at ON fsm_events (persisted_at)",
      "CREATE INDEX IF NOT EXISTS fsm_events_correlation ON fsm_events (correlation_id, persisted_at)",
      "CREATE INDEX IF NOT EXISTS fsm_events_causation ON fsm_events (causation_id)"
          + " WHERE causation_id IS NOT NULL",
      "CREATE INDEX IF NOT EXISTS fsm_events_machine ON fsm_events (machine_name)",
      "CREATE INDEX IF NOT EXISTS fsm_events_component_type ON fsm_events (component_name, event_type)",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_component_status ON fsm_snapshots (component_name, status, instance_id)",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_machine ON fsm_snapshots (machine_name)",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_state ON fsm_snapshots (current_state)",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_updated_at ON fsm_snapshots (updated_at)",
      // the audit search (searchSnapshots): each filter combination starts an index in result order
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_search ON fsm_snapshots"
          + " (component_name, machine_name, current_state, " + NEWEST_FIRST + ")",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_search_machine ON fsm_snapshots"
          + " (machine_name, current_state, " + NEWEST_FIRST + ")",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_recent ON fsm_snapshots (" + NEWEST_FIRST + ")",
      "CREATE INDEX IF NOT EXISTS fsm_outbox_component ON fsm_outbox (component_name, position)",
      "CREATE INDEX IF NOT EXISTS fsm_snapshots_entry_points ON fsm_snapshots (component_name, instance_id)"
          + " WHERE is_entry_point");

  // ---- text search (optional: needs the pg_trgm extension) ------------------------------------

  /**
   * What the text filter of the audit search matches: the instance id and the instance data as
   * JSON text, joined by a newline (which neither a search text nor JSON text holds, so no match
   * spans both). The trigram index is built on this very expression.
   */
  static final String SEARCH_TEXT = "(instance_id || E'\\n' || COALESCE(context::text, ''))";

  /** Name of the trigram index of the text search. */
  static final String TEXT_INDEX = "fsm_snapshots_text";

  /**
   * Installs pg_trgm when it is missing: into {@code public} when this user may create objects
   * there (so that dropping the store's own schema never drops an extension other schemas use),
   * else into the current schema. Fails when the extension is not available or not allowed.
   */
  static final String CREATE_TRIGRAM_EXTENSION = """
      DO $trgm$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
            IF has_schema_privilege('public', 'CREATE') THEN
              CREATE EXTENSION pg_trgm SCHEMA public;
              RETURN;
            END IF;
          END IF;
          CREATE EXTENSION pg_trgm;
        END IF;
      END
      $trgm$""";

  /** The schema pg_trgm lives in, quoted, to name its operator class whatever the search path. */
  static final String TRIGRAM_SCHEMA = "SELECT quote_ident(n.nspname) FROM pg_extension e"
      + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'";

  /** The trigram index, with pg_trgm's operator class in {@code schema} (quoted already). */
  static String createTextIndex(String schema) {
    return "CREATE INDEX IF NOT EXISTS " + TEXT_INDEX + " ON fsm_snapshots USING gin (" + SEARCH_TEXT + " "
        + schema + ".gin_trgm_ops)";
  }

  // ---- writes -----------------------------------------------------------------------------------

  /** Parameters of {@link #INSERT_EVENTS}: one array per column, same length. */
  static final int EVENT_PARAMS = 19;

  /**
   * Inserts a batch of events from parallel arrays; an event whose idempotency key is stored
   * already is skipped. Returns the idempotency key of each row written (null for rows without
   * one), so the keys missing from the answer are the duplicates. A duplicate (instance_id, seq)
   * raises 23505.
   */
  static final String INSERT_EVENTS = """
      INSERT INTO fsm_events (id, instance_id, seq, machine_name, component_name, event_type, event_payload,
        from_state, to_state, context, public_member_snapshot, has_public_member, raw_context, status,
        transition_index, source_component_name, correlation_id, causation_id, idempotency_key, persisted_at)
      SELECT u.id::uuid, u.instance_id, u.seq, u.machine_name, u.component_name, u.event_type, u.payload::jsonb,
        u.from_state, u.to_state, d.data, COALESCE(u.public_member::jsonb, d.data),
        u.public_member IS NOT NULL, u.raw_context::jsonb, u.status,
        u.transition_index, u.source_component, u.correlation_id, u.causation_id::uuid, u.idempotency_key,
        u.persisted_at
      FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int4[],
        $15::text[], $16::text[], $17::text[], $18::text[], $19::int8[])
        AS u(id, instance_id, seq, machine_name, component_name, event_type, payload,
          from_state, to_state, data, public_member, raw_context, status, transition_index,
          source_component, correlation_id, causation_id, idempotency_key, persisted_at),
        LATERAL (SELECT u.data::jsonb AS data) d
      ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
      RETURNING idempotency_key, id""";

  /** Parameters of a snapshot upsert: one array per column, same length. */
  static final int SNAPSHOT_PARAMS = 17;

  /**
   * Saves a batch of snapshots (at most one per instance) from parallel arrays whose parameters
   * start at {@code $first}; a stored snapshot is replaced unless it has a higher sequence number.
   */
  static String upsertSnapshots(int first) {
    StringBuilder arrays = new StringBuilder();
    String[] types = {"text", "text", "text", "text", "text", "text", "text", "text", "int8", "int8", "bool",
        "text", "text", "int8", "text", "text", "text"};
    for (int i = 0; i < SNAPSHOT_PARAMS; i++) {
      arrays.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(types[i]).append("[]");
    }
    return """
        INSERT INTO fsm_snapshots AS s (instance_id, component_name, machine_name, current_state, status, context,
          public_member, raw_context, created_at_ms, updated_at_ms, is_entry_point, parent_instance_id,
          parent_machine_name, seq, event_count, correlation_id, last_event_id, pending_timeouts,
          created_at, updated_at)
        SELECT u.instance_id, u.component_name, u.machine_name, u.state, u.status, u.data::jsonb,
          u.public_member::jsonb, u.raw_context::jsonb, u.created_at_ms, u.updated_at_ms, u.entry_point,
          u.parent_id, u.parent_machine, u.seq, LEAST(u.seq, 2147483647)::int, u.correlation_id, u.last_event_id,
          u.timers::jsonb, to_timestamp(u.created_at_ms / 1000.0), now()
        FROM unnest(%s)
          AS u(instance_id, component_name, machine_name, state, status, data, public_member, raw_context,
            created_at_ms, updated_at_ms, entry_point, parent_id, parent_machine, seq, correlation_id,
            last_event_id, timers)
        ON CONFLICT (instance_id) DO UPDATE SET
          component_name = excluded.component_name, machine_name = excluded.machine_name,
          current_state = excluded.current_state, status = excluded.status, context = excluded.context,
          public_member = excluded.public_member, raw_context = excluded.raw_context,
          created_at_ms = excluded.created_at_ms, updated_at_ms = excluded.updated_at_ms,
          is_entry_point = excluded.is_entry_point, parent_instance_id = excluded.parent_instance_id,
          parent_machine_name = excluded.parent_machine_name, seq = excluded.seq,
          event_count = excluded.event_count, correlation_id = excluded.correlation_id,
          last_event_id = excluded.last_event_id, pending_timeouts = excluded.pending_timeouts,
          created_at = excluded.created_at, updated_at = excluded.updated_at
        WHERE s.seq IS NULL OR excluded.seq >= s.seq""".formatted(arrays);
  }

  static final String UPSERT_SNAPSHOTS = upsertSnapshots(1);

  /** Parameters of an outbox insert: one array per column, same length. */
  static final int OUTBOX_PARAMS = 5;

  /**
   * Events with snapshots, outbox messages or both in one statement, hence one transaction: all
   * are written or none. A single statement saves the BEGIN and COMMIT round trips of an explicit
   * transaction. Outbox messages are kept only when their event was written (not skipped as a
   * duplicate), in the order given; a message id stored already is skipped.
   */
  static String appendWith(boolean snapshots, boolean outbox) {
    StringBuilder sql = new StringBuilder("WITH written AS (\n").append(INSERT_EVENTS).append("\n)");
    int next = EVENT_PARAMS + 1;
    if (snapshots) {
      sql.append(", saved AS (\n").append(upsertSnapshots(next)).append("\n)");
      next += SNAPSHOT_PARAMS;
    }
    if (outbox) {
      sql.append(", queued AS (\n").append("""
          INSERT INTO fsm_outbox (message_id, event_id, component_name, channel, message)
          SELECT o.message_id, o.event_id::uuid, o.component_name, o.channel, o.message::jsonb
          FROM unnest($%d::text[], $%d::text[], $%d::text[], $%d::text[], $%d::text[]) WITH ORDINALITY
            AS o(message_id, event_id, component_name, channel, message, n)
          WHERE o.event_id::uuid IN (SELECT id FROM written)
          ORDER BY o.n
          ON CONFLICT (message_id) DO NOTHING""".formatted(next, next + 1, next + 2, next + 3, next + 4))
          .append("\n)");
    }
    return sql.append(" SELECT idempotency_key FROM written WHERE idempotency_key IS NOT NULL").toString();
  }

  static final String INSERT_EVENTS_AND_SNAPSHOTS = appendWith(true, false);
  static final String INSERT_EVENTS_AND_OUTBOX = appendWith(false, true);
  static final String INSERT_EVENTS_SNAPSHOTS_AND_OUTBOX = appendWith(true, true);

  /** A page of a component's outbox after a position ($1 component, $2 position, $3 limit). */
  static final String OUTBOX_PAGE = "SELECT position, message_id, event_id::text, channel, message"
      + " FROM fsm_outbox WHERE component_name = $1 AND position > $2 ORDER BY position LIMIT $3";

  static final String OUTBOX_RELAYED = "DELETE FROM fsm_outbox WHERE component_name = $1 AND message_id = ANY($2::text[])";

  static final String DELETE_SNAPSHOT = "DELETE FROM fsm_snapshots WHERE instance_id = $1";

  // ---- reads ------------------------------------------------------------------------------------

  /**
   * Event columns in the order {@code EventRows.read} expects; rows of older tables read sanely.
   * JSONB columns are read as their text, which {@code EventRows} parses once into plain values
   * (the driver would build Vert.x JSON objects that then need copying).
   */
  static final String EVENT_COLUMNS = """
      id::text, instance_id, seq, COALESCE(component_name, ''), machine_name, event_type,
      COALESCE(event_payload, '{}'::jsonb)::text, COALESCE(from_state, ''), COALESCE(to_state, ''),
      COALESCE(context, '{}'::jsonb)::text, has_public_member, public_member_snapshot::text, raw_context::text,
      COALESCE(status, 'active'), COALESCE(transition_index, -1), source_component_name, correlation_id,
      causation_id::text, idempotency_key, persisted_at""";

  /**
   * The events of several instances after a per-instance sequence number ($1 ids, $2 sequence
   * numbers, same length), ordered by instance then sequence: one query for a whole page of a
   * restore. The lateral subquery (its ORDER BY keeps the planner from flattening it into a join)
   * makes every plan, generic or custom, with or without table statistics, one index range scan
   * per wanted instance; a plain join was planned as a scan of the whole table when statistics
   * were missing, as they are right after a bulk load.
   */
  static final String EVENTS_AFTER_MANY = "SELECT " + EVENT_COLUMNS
      + " FROM unnest($1::text[], $2::int8[]) AS w(wanted_id, after_seq)"
      + " CROSS JOIN LATERAL (SELECT * FROM fsm_events WHERE instance_id = w.wanted_id AND seq > w.after_seq"
      + " ORDER BY seq) e ORDER BY e.instance_id, e.seq";

  static final String EVENTS_OF_INSTANCE =
      "SELECT " + EVENT_COLUMNS + " FROM fsm_events WHERE instance_id = $1 AND seq > $2 ORDER BY seq";

  static final String EVENTS_BY_TIME = "SELECT " + EVENT_COLUMNS
      + " FROM fsm_events WHERE persisted_at BETWEEN $1 AND $2 ORDER BY persisted_at, seq LIMIT $3";

  static final String EVENTS_CAUSED_BY = "SELECT " + EVENT_COLUMNS
      + " FROM fsm_events WHERE causation_id = $1::uuid ORDER BY persisted_at, seq";

  static final String EVENTS_BY_CORRELATION = "SELECT " + EVENT_COLUMNS
      + " FROM fsm_events WHERE correlation_id = $1 ORDER BY persisted_at, seq LIMIT $2";

  /** Snapshot columns in the order {@code SnapshotRows.read} expects; JSONB columns as text. */
  static final String SNAPSHOT_COLUMNS = """
      instance_id, COALESCE(component_name, ''), COALESCE(machine_name, ''), current_state,
      COALESCE(status, 'active'), COALESCE(context, '{}'::jsonb)::text, public_member::text, raw_context::text,
      COALESCE(created_at_ms, (extract(epoch FROM created_at) * 1000)::bigint, 0),
      COALESCE(updated_at_ms, (extract(epoch FROM updated_at) * 1000)::bigint, 0),
      COALESCE(is_entry_point, false), parent_instance_id, parent_machine_name, COALESCE(seq, 0),
      correlation_id, last_event_id, pending_timeouts::text""";

  /** A component's entry points, whatever their status ($1 component), from a partial index. */
  static final String ENTRY_POINTS = "SELECT " + SNAPSHOT_COLUMNS
      + " FROM fsm_snapshots WHERE component_name = $1 AND is_entry_point ORDER BY instance_id";

  static final String LOAD_SNAPSHOT = "SELECT " + SNAPSHOT_COLUMNS + " FROM fsm_snapshots WHERE instance_id = $1";

  /*
   * Two statements rather than one with "($2 IS NULL OR instance_id > $2)": with the OR, a generic
   * plan cannot start the index scan at $2, and paging through a large component would rescan
   * every earlier entry for each page.
   */
  static final String ACTIVE_SNAPSHOTS_FIRST = "SELECT " + SNAPSHOT_COLUMNS
      + " FROM fsm_snapshots WHERE component_name = $1 AND status = 'active' ORDER BY instance_id LIMIT $2";

  /**
   * The audit search with the given filters, parameters in this order: component, machine, state
   * (each when filtered), the LIKE pattern of the text (when filtered, backslash as escape), then
   * the limit. One statement per filter combination rather than "($1 IS NULL OR …)": that form
   * keeps a generic plan from using the indexes.
   */
  static String searchSnapshots(boolean component, boolean machine, boolean state, boolean text) {
    List<String> where = new java.util.ArrayList<>(4);
    int n = 0;
    if (component) {
      where.add("component_name = $" + ++n);
    }
    if (machine) {
      where.add("machine_name = $" + ++n);
    }
    if (state) {
      where.add("current_state = $" + ++n);
    }
    if (text) {
      where.add(SEARCH_TEXT + " ILIKE $" + ++n);
    }
    return "SELECT " + SNAPSHOT_COLUMNS + " FROM fsm_snapshots"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY " + NEWEST_FIRST + " LIMIT $" + ++n;
  }

  /** A LIKE pattern matching {@code text} anywhere, every character literal ({@code \} escapes). */
  static String containsPattern(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8).append('%');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('%').toString();
  }

  static final String ACTIVE_SNAPSHOTS_AFTER = "SELECT " + SNAPSHOT_COLUMNS
      + " FROM fsm_snapshots WHERE component_name = $1 AND status = 'active' AND instance_id > $2"
      + " ORDER BY instance_id LIMIT $3";
}
