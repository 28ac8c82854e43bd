package dev.xcomponent.examples.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.examples.testkit.ExampleRuntime;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code approval-component.yaml} end to end on the real runtime, with the plugin found by
 * ServiceLoader and every timeout divided by {@link ExampleRuntime#TIME_SCALE}: each level has
 * 300 ms to decide before the request escalates (or, at the director, expires).
 */
class ApprovalFlowTest {
  private static final String APPROVAL = "ApprovalComponent";
  private static final String MACHINE = "ApprovalRequest";

  private ExampleRuntime rt;

  @BeforeEach
  void start() throws Exception {
    rt = ExampleRuntime.start("approval-component.yaml");
  }

  @AfterEach
  void stop() throws Exception {
    rt.close();
  }

  @Test
  void teamLeadApprovesAndTheRequestIsAudited() throws Exception {
    String id = submitted("EXP-1", "lead-1", "mgr-1", 120);
    assertThat(rt.view(id).data())
        .containsEntry("currentApprover", "lead-1")
        .containsEntry("level", "team lead")
        .containsEntry("escalations", 0);

    rt.send(id, "APPROVE", Map.of("approverId", "lead-1", "comment", "fine"));

    InstanceView audited = rt.awaitState(id, "Audited");
    assertThat(audited.status()).isEqualTo("completed");
    assertThat(audit(audited))
        .containsEntry("requestId", "EXP-1")
        .containsEntry("outcome", "approved")
        .containsEntry("decidedBy", "lead-1")
        .containsEntry("decidedAtLevel", "team lead")
        .containsEntry("escalations", 0)
        .containsKeys("durationMs", "closedAt");
    assertThat(audited.data().get("decision")).asString().contains("comment=fine");
  }

  @Test
  void undecidedRequestEscalatesToTheManagerThenTheDirectorThenExpires() throws Exception {
    long start = System.nanoTime();
    String id = submitted("EXP-2", "lead-1", "mgr-1", 900);

    assertThat(rt.awaitState(id, "PendingManager").data())
        .containsEntry("currentApprover", "mgr-1")
        .containsEntry("level", "manager")
        .containsEntry("escalations", 1);
    assertThat(rt.awaitState(id, "PendingDirector").data())
        .containsEntry("currentApprover", "dir-1")
        .containsEntry("escalations", 2);
    InstanceView audited = rt.awaitState(id, "Audited");

    // Three levels of 300 ms each.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(850L, 4_000L);
    assertThat(audit(audited))
        .containsEntry("outcome", "expired")
        .containsEntry("decidedBy", null)
        .containsEntry("decidedAtLevel", "director")
        .containsEntry("escalations", 2);
  }

  @Test
  void onceEscalatedOnlyTheManagerMayDecide() throws Exception {
    String id = submitted("EXP-3", "lead-1", "mgr-1", 300);
    rt.awaitState(id, "PendingManager");

    // The team lead is too late: refused, and the request stays with the manager.
    assertThatThrownBy(() -> rt.send(id, "APPROVE", Map.of("approverId", "lead-1")))
        .isInstanceOfSatisfying(RuntimeFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.USER_CODE_ERROR))
        .hasMessageContaining("lead-1 may not decide on this request: it waits for mgr-1");
    assertThat(rt.state(id)).isEqualTo("PendingManager");

    rt.send(id, "APPROVE", Map.of("approverId", "mgr-1"));
    assertThat(audit(rt.awaitState(id, "Audited")))
        .containsEntry("outcome", "approved")
        .containsEntry("decidedBy", "mgr-1")
        .containsEntry("decidedAtLevel", "manager")
        .containsEntry("escalations", 1);
  }

  @Test
  void directorRejectsWithAReason() throws Exception {
    String id = submitted("EXP-4", "lead-1", "mgr-1", 50_000);
    rt.awaitState(id, "PendingDirector");

    rt.send(id, "REJECT", Map.of("approverId", "dir-1", "comment", "over budget"));

    InstanceView audited = rt.awaitState(id, "Audited");
    assertThat(audit(audited))
        .containsEntry("outcome", "rejected")
        .containsEntry("decidedBy", "dir-1")
        .containsEntry("decidedAtLevel", "director");
    assertThat(audited.data().get("decision")).asString().contains("comment=over budget");
  }

  @Test
  void commentsAreRecordedButDoNotDelayTheEscalation() throws Exception {
    String id = submitted("EXP-5", "lead-1", "mgr-1", 75);
    long start = System.nanoTime();
    int sent = 0;
    // A comment every 100 ms for up to 3 s: had a comment restarted the 300 ms timer, the request
    // would never leave the team lead.
    while ("PendingTeamLead".equals(rt.state(id)) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
      rt.send(id, "COMMENT", Map.of("requestId", "EXP-5", "author", "lead-1", "text", "looking " + sent++));
      Thread.sleep(100);
    }
    rt.awaitState(id, "PendingManager", "PendingDirector", "Audited");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
    assertThat(sent).isGreaterThan(0);
    assertThat((List<?>) rt.view(id).data().get("comments")).isNotEmpty();
  }

  @Test
  void directorHoldRestartsTheDeadline() throws Exception {
    String id = submitted("EXP-6", "lead-1", "mgr-1", 20_000);
    rt.awaitState(id, "PendingDirector");

    // A hold every 100 ms for 1.2 s, four times the 300 ms deadline: each one restarts it.
    long holdUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_200);
    while (System.nanoTime() < holdUntil) {
      assertThat(rt.send(id, "HOLD", Map.of("requestId", "EXP-6", "author", "dir-1", "text", "need the quote"))
              .currentState())
          .isEqualTo("PendingDirector");
      Thread.sleep(100);
    }
    assertThat(rt.state(id)).isEqualTo("PendingDirector");

    // Without further holds, the request expires.
    InstanceView audited = rt.awaitState(id, "Audited");
    assertThat(audit(audited)).containsEntry("outcome", "expired");
    assertThat((Integer) audit(audited).get("comments")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void broadcastDecisionReachesOnlyTheRequestsWaitingForThatApprover() throws Exception {
    String mine1 = submitted("EXP-A", "lead-1", "mgr-1", 10);
    String mine2 = submitted("EXP-B", "lead-1", "mgr-2", 20);
    String other = submitted("EXP-C", "lead-2", "mgr-1", 30);

    BroadcastResult result = rt.broadcast(APPROVAL, MACHINE, "APPROVE", Map.of("approverId", "lead-1"));

    assertThat(result).isEqualTo(new BroadcastResult(2, 2));
    assertThat(audit(rt.awaitState(mine1, "Audited"))).containsEntry("decidedBy", "lead-1");
    assertThat(audit(rt.awaitState(mine2, "Audited"))).containsEntry("decidedBy", "lead-1");
    assertThat(rt.state(other)).isEqualTo("PendingTeamLead");
  }

  @Test
  void incompleteRequestCannotBeSubmitted() throws Exception {
    Map<String, Object> data = request("EXP-7", "lead-1", "mgr-1", 10);
    data.remove("directorId");
    String id = rt.create(APPROVAL, MACHINE, data).id();

    assertThatThrownBy(() -> rt.send(id, "SUBMIT"))
        .isInstanceOfSatisfying(RuntimeFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.USER_CODE_ERROR))
        .hasMessageContaining("the request names no director");
    assertThat(rt.state(id)).isEqualTo("Draft");
  }

  private String submitted(String requestId, String lead, String manager, Number amount) throws Exception {
    String id = rt.create(APPROVAL, MACHINE, request(requestId, lead, manager, amount)).id();
    assertThat(rt.send(id, "SUBMIT").currentState()).isEqualTo("PendingTeamLead");
    return id;
  }

  private static Map<String, Object> request(String requestId, String lead, String manager, Number amount) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", requestId);
    data.put("requester", "emp-1");
    data.put("amount", amount);
    data.put("purpose", "conference");
    data.put("teamLeadId", lead);
    data.put("managerId", manager);
    data.put("directorId", "dir-1");
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> audit(InstanceView v) {
    assertThat(v.data()).containsKey("audit");
    return (Map<String, Object>) v.data().get("audit");
  }
}
