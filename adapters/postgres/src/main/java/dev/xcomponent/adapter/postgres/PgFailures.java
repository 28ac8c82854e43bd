package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoreFailure.Reason;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.json.EncodeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what the driver or the server reports into a {@link StoreFailure} a caller can act on. The
 * message is ours and short: it names the store (password masked) and the cause, never the SQL.
 * The original exception is kept as the cause for logs.
 *
 * <ul>
 *   <li>unique violation (23505) on (instance_id, seq) or on the event id: {@code CONFLICT};
 *   <li>bad data (SQLSTATE class 22, not-null and check violations, over-long rows): {@code
 *       REJECTED};
 *   <li>anything else (refused or lost connection, full wait queue, time-out, server shutting
 *       down, deadlock victim): {@code UNAVAILABLE}, retry later.
 * </ul>
 */
final class PgFailures {
  private static final Pattern INSTANCE_SEQ = Pattern.compile("\\(instance_id, seq\\)=\\((.+), (\\d+)\\)");
  private static final int MAX_CAUSE = 120;

  private final String store;

  PgFailures(String describedStore) {
    this.store = describedStore;
  }

  StoreFailure of(Throwable t) {
    if (t instanceof StoreFailure f) {
      return f;
    }
    if (t instanceof PgException pg) {
      return ofServer(pg);
    }
    if (t instanceof EncodeException) {
      return new StoreFailure(Reason.REJECTED, "the data cannot be written as JSON", t);
    }
    return unavailable(shortCause(t), t);
  }

  private StoreFailure ofServer(PgException e) {
    String state = e.getSqlState() == null ? "" : e.getSqlState();
    if (state.equals("23505")) {
      return new StoreFailure(Reason.CONFLICT, conflictMessage(e), e);
    }
    if (state.startsWith("22") || state.equals("23502") || state.equals("23514") || state.startsWith("54")) {
      return new StoreFailure(Reason.REJECTED, "the store refused the data: " + truncate(e.getErrorMessage()), e);
    }
    if (state.equals("40001") || state.equals("40P01")) {
      return unavailable("the transaction was aborted by the database (" + state + "); nothing was written", e);
    }
    return unavailable("database error " + state, e);
  }

  private static String conflictMessage(PgException e) {
    String detail = e.getDetail() == null ? "" : e.getDetail();
    Matcher m = INSTANCE_SEQ.matcher(detail);
    if (m.find()) {
      return "event " + m.group(2) + " of instance " + m.group(1) + " is already stored";
    }
    if (detail.startsWith("Key (id)=")) {
      return "an event with id " + detail.substring("Key (id)=(".length()).replace(") already exists.", "")
          + " is already stored";
    }
    return "an event of this batch is already stored";
  }

  private StoreFailure unavailable(String cause, Throwable t) {
    return new StoreFailure(Reason.UNAVAILABLE, "PostgreSQL store " + store + " unavailable: " + cause, t);
  }

  private static String shortCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return "cannot connect";
      }
      if (c instanceof UnknownHostException) {
        return "unknown host";
      }
      String message = c.getMessage() == null ? "" : c.getMessage();
      if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")
          || message.startsWith("Timeout")) {
        return "no answer in time";
      }
      if (c instanceof SSLException || message.startsWith("SSL handshake")) {
        return "TLS handshake failed";
      }
      if (c instanceof ConnectionPoolTooBusyException) {
        return "too many operations waiting for a connection";
      }
      if (c instanceof ClosedConnectionException) {
        return "connection closed";
      }
    }
    return t.getClass().getSimpleName();
  }

  private static String truncate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= MAX_CAUSE ? s : s.substring(0, MAX_CAUSE) + "…";
  }
}
