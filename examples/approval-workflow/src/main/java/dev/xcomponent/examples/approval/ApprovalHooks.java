package dev.xcomponent.examples.approval;

import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The hooks of an approval request while it waits for a decision. The component aborts on hook
 * errors: a hook that fails refuses the event, the request stays where it was and the caller gets
 * the hook's message.
 */
final class ApprovalHooks {
  static final String CHECK_REQUEST = "checkRequest";
  static final String ASSIGN_APPROVER = "assignApprover";
  static final String RECORD_DECISION = "recordDecision";
  static final String RECORD_COMMENT = "recordComment";

  private final LongSupplier clock;

  ApprovalHooks(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * {@code checkRequest} (on SUBMIT): a request needs a positive amount and its three approvers.
   * Starts the escalation count.
   */
  Future<Void> checkRequest(HookCall call) {
    Map<String, Object> data = call.data();
    if (!(data.get("amount") instanceof Number n) || !(n.doubleValue() > 0)) {
      return Future.failedFuture("amount must be a positive number, not " + data.get("amount"));
    }
    for (Level level : Level.values()) {
      if (!(data.get(level.approverField) instanceof String id) || id.isBlank()) {
        return Future.failedFuture("the request names no " + level.label + " (" + level.approverField + ")");
      }
    }
    data.put("escalations", 0);
    data.put("submittedAt", clock.getAsLong());
    return Future.succeededFuture();
  }

  /**
   * {@code assignApprover} (on entry of each waiting state): the approver of that level becomes
   * {@code currentApprover}, the field decisions are routed on. An escalation is counted; a comment
   * (a self-loop, which enters the state again) changes nothing.
   */
  Future<Void> assignApprover(HookCall call) {
    Level level = Level.of(call.state());
    if (level == null) {
      return Future.failedFuture("assignApprover runs on PendingTeamLead, PendingManager or PendingDirector, not " + call.state());
    }
    Map<String, Object> data = call.data();
    if (level.state.equals(data.get("waitingIn"))) {
      return Future.succeededFuture();
    }
    data.put("waitingIn", level.state);
    data.put("level", level.label);
    data.put("currentApprover", data.get(level.approverField));
    data.put("waitingSince", clock.getAsLong());
    if (level != Level.TEAM_LEAD) {
      data.put("escalations", count(data.get("escalations")) + 1);
    }
    return Future.succeededFuture();
  }

  /**
   * {@code recordDecision} (APPROVE or REJECT, payload {@code approverId} and an optional {@code
   * comment}): only the current approver may decide. A broadcast reaches only that approver's
   * requests through the matching rules; an event sent straight to one request is checked here.
   */
  Future<Void> recordDecision(HookCall call) {
    Map<String, Object> data = call.data();
    Object approver = call.event().payload().get("approverId");
    Object expected = data.get("currentApprover");
    if (approver == null || !approver.equals(expected)) {
      return Future.failedFuture(
          approver + " may not decide on this request: it waits for " + expected + " (" + data.get("level") + ")");
    }
    String decision = "APPROVE".equals(call.event().type()) ? "approved" : "rejected";
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("decision", decision);
    entry.put("by", approver);
    entry.put("level", data.get("level"));
    Object comment = call.event().payload().get("comment");
    if (comment != null) {
      entry.put("comment", comment);
    }
    entry.put("at", clock.getAsLong());
    data.put("decision", entry);
    return Future.succeededFuture();
  }

  /**
   * {@code recordComment} (COMMENT, or the director's HOLD; payload {@code author} and {@code
   * text}): appends to the request's {@code comments}.
   */
  Future<Void> recordComment(HookCall call) {
    Map<String, Object> payload = call.event().payload();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("kind", call.event().type());
    entry.put("author", payload.getOrDefault("author", "unknown"));
    entry.put("text", payload.getOrDefault("text", ""));
    entry.put("level", call.data().get("level"));
    entry.put("at", clock.getAsLong());
    List<Object> comments = new ArrayList<>();
    if (call.data().get("comments") instanceof List<?> earlier) {
      comments.addAll(earlier);
    }
    comments.add(entry);
    call.data().put("comments", comments);
    return Future.succeededFuture();
  }

  static int count(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
