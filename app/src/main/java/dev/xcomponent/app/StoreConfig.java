package dev.xcomponent.app;

import java.util.Locale;
import java.util.Map;

/**
 * Which event store a process uses, chosen as the deployment guide says: {@code DATABASE_URL}
 * with a {@code postgresql://} (or {@code postgres://}) URL selects PostgreSQL; without {@code
 * DATABASE_URL}, {@code REDIS_URL} selects the Redis store (the Redis-only mode); {@code
 * DATABASE_URL=memory} keeps events in this process's memory (lost at exit); with neither, no store:
 * each runtime keeps a bounded history of its instances in memory.
 *
 * @param kind the store
 * @param url the URL (null for none and memory); may hold a password: print {@link #describe()}
 * @param snapshotInterval {@code SNAPSHOT_INTERVAL}: a snapshot every this many events (≥ 1)
 */
public record StoreConfig(Kind kind, String url, int snapshotInterval) {
  /** Default of {@code SNAPSHOT_INTERVAL}. */
  public static final int DEFAULT_SNAPSHOT_INTERVAL = 10;

  /** The kinds of store. */
  public enum Kind {
    NONE,
    MEMORY,
    POSTGRES,
    REDIS
  }

  /** No store: history kept by the runtimes in memory. */
  public static StoreConfig none() {
    return new StoreConfig(Kind.NONE, null, DEFAULT_SNAPSHOT_INTERVAL);
  }

  /**
   * Reads {@code databaseOption} (the {@code --database} option, or null), {@code DATABASE_URL},
   * {@code REDIS_URL} and {@code SNAPSHOT_INTERVAL}.
   *
   * @throws CliException (exit code 2) naming the variable and the accepted forms
   */
  public static StoreConfig from(String databaseOption, Map<String, String> env) throws CliException {
    int interval = snapshotInterval(env.get("SNAPSHOT_INTERVAL"));
    String database = blankToNull(databaseOption != null ? databaseOption : env.get("DATABASE_URL"));
    String source = databaseOption != null ? "--database" : "DATABASE_URL";
    if (database == null) {
      String redis = blankToNull(env.get("REDIS_URL"));
      if (redis == null) {
        return new StoreConfig(Kind.NONE, null, interval);
      }
      if (!scheme(redis).equals("redis") && !scheme(redis).equals("rediss")) {
        throw new CliException(2, "REDIS_URL=" + Secrets.maskUrl(redis)
            + " is not a Redis URL: expected redis://[:password@]host[:port][/db] or rediss://…");
      }
      return new StoreConfig(Kind.REDIS, redis, interval);
    }
    if (database.equals("memory") || database.equals("memory://")) {
      return new StoreConfig(Kind.MEMORY, null, interval);
    }
    String scheme = scheme(database);
    if (scheme.equals("postgresql") || scheme.equals("postgres")) {
      return new StoreConfig(Kind.POSTGRES, database, interval);
    }
    throw new CliException(2, source + "=" + Secrets.maskUrl(database)
        + " is not supported: expected postgresql://user:password@host:5432/database, or memory;"
        + " leave it unset and set REDIS_URL to keep events in Redis");
  }

  /** The store for logs and {@code /health}, password masked. */
  public String describe() {
    switch (kind) {
      case NONE:
        return "none";
      case MEMORY:
        return "memory";
      default:
        return Secrets.maskUrl(url);
    }
  }

  private static int snapshotInterval(String text) throws CliException {
    String t = blankToNull(text);
    if (t == null) {
      return DEFAULT_SNAPSHOT_INTERVAL;
    }
    try {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= 1_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(2, "SNAPSHOT_INTERVAL=" + t + " is not valid: expected a whole number from 1 to 1000000 (default 10)");
  }

  private static String scheme(String url) {
    int i = url.indexOf("://");
    return i < 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
