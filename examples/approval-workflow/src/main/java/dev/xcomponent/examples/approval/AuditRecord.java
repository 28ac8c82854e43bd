package dev.xcomponent.examples.approval;

import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code writeAuditRecord} hook of the {@code ARCHIVE} transitions into {@code Audited}: sums
 * the request up as its {@code audit} field (outcome, who decided at which level, how many times it
 * escalated, how many comments it got, how long it took) and logs it. The outcome is the state the
 * request leaves: Approved, Rejected or Expired.
 */
final class AuditRecord implements BusinessHandler {
  /** The method name used in {@code approval-component.yaml}. */
  static final String METHOD = "writeAuditRecord";

  private static final Logger LOG = System.getLogger(AuditRecord.class.getName());

  private final LongSupplier clock;

  AuditRecord(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    Map<String, Object> data = call.data();
    long now = clock.getAsLong();
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("requestId", data.get("requestId"));
    audit.put("outcome", call.state().toLowerCase(Locale.ROOT));
    if (data.get("decision") instanceof Map<?, ?> decision) {
      audit.put("decidedBy", decision.get("by"));
      audit.put("decidedAtLevel", decision.get("level"));
    } else {
      audit.put("decidedBy", null);
      audit.put("decidedAtLevel", data.get("level"));
    }
    audit.put("escalations", ApprovalHooks.count(data.get("escalations")));
    audit.put("comments", data.get("comments") instanceof List<?> l ? l.size() : 0);
    if (data.get("submittedAt") instanceof Number submitted) {
      audit.put("durationMs", now - submitted.longValue());
    }
    audit.put("closedAt", now);
    data.put("audit", audit);
    LOG.log(Level.INFO, "audit {0}: {1}", call.instanceId(), audit);
    return Future.succeededFuture();
  }
}
