package dev.xcomponent.examples.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.examples.testkit.RecordingSender;
import dev.xcomponent.examples.testkit.TestHookCall;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApprovalHandlersTest {
  private static final Pattern HOOK =
      Pattern.compile("^\\s*(?:onEntry|onExit|triggeredMethod):\\s*(\\w+)\\s*$", Pattern.MULTILINE);

  private final HandlerRegistry registry = new HandlerRegistry();
  private final RecordingSender sender = new RecordingSender();

  ApprovalHandlersTest() {
    new ApprovalHandlers(() -> 1_000L).register(registry);
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    List<HandlerProvider> providers =
        ServiceLoader.load(HandlerProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(providers).hasExactlyElementsOfTypes(ApprovalHandlers.class);
  }

  @Test
  void registersExactlyTheMethodsTheComponentFileNames() throws IOException {
    Set<String> named = new TreeSet<>();
    Matcher m = HOOK.matcher(Files.readString(Path.of("approval-component.yaml")));
    while (m.find()) {
      named.add(m.group(1));
    }

    assertThat(registry.methods()).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void checkRequestNeedsAPositiveAmountAndThreeApprovers() {
    Map<String, Object> complete =
        Map.of("amount", 10, "teamLeadId", "l", "managerId", "m", "directorId", "d");
    TestHookCall ok = call(ApprovalHooks.CHECK_REQUEST, "Draft", "SUBMIT", Map.of(), complete);
    assertThat(run(ok).succeeded()).isTrue();
    assertThat(ok.data()).containsEntry("escalations", 0).containsEntry("submittedAt", 1_000L);

    Map<String, Object> noManager = new HashMap<>(complete);
    noManager.remove("managerId");
    assertThat(run(call(ApprovalHooks.CHECK_REQUEST, "Draft", "SUBMIT", Map.of(), noManager)).cause())
        .hasMessage("the request names no manager (managerId)");
    Map<String, Object> zero = new HashMap<>(complete);
    zero.put("amount", 0);
    assertThat(run(call(ApprovalHooks.CHECK_REQUEST, "Draft", "SUBMIT", Map.of(), zero)).cause())
        .hasMessageContaining("amount must be a positive number");
  }

  @Test
  void assignApproverTakesTheApproverOfTheLevelAndCountsEscalationsOnly() {
    Map<String, Object> data =
        new HashMap<>(Map.of("teamLeadId", "l", "managerId", "m", "directorId", "d", "escalations", 0));
    TestHookCall lead = entry("PendingTeamLead", "SUBMIT", data);
    assertThat(run(lead).succeeded()).isTrue();
    assertThat(lead.data()).containsEntry("currentApprover", "l").containsEntry("escalations", 0);

    TestHookCall manager = entry("PendingManager", "ESCALATE", lead.data());
    run(manager);
    assertThat(manager.data())
        .containsEntry("currentApprover", "m")
        .containsEntry("level", "manager")
        .containsEntry("escalations", 1);

    // A comment enters the same state again: nothing changes.
    TestHookCall again = entry("PendingManager", "COMMENT", manager.data());
    run(again);
    assertThat(again.data()).isEqualTo(manager.data());
  }

  @Test
  void recordDecisionAcceptsOnlyTheCurrentApprover() {
    Map<String, Object> waiting = Map.of("currentApprover", "m", "level", "manager");
    TestHookCall ok =
        call(ApprovalHooks.RECORD_DECISION, "PendingManager", "REJECT", Map.of("approverId", "m", "comment", "no"), waiting);
    assertThat(run(ok).succeeded()).isTrue();
    assertThat(ok.data().get("decision"))
        .isEqualTo(Map.of("decision", "rejected", "by", "m", "level", "manager", "comment", "no", "at", 1_000L));

    Future<Void> wrong =
        run(call(ApprovalHooks.RECORD_DECISION, "PendingManager", "APPROVE", Map.of("approverId", "x"), waiting));
    assertThat(wrong.cause()).hasMessage("x may not decide on this request: it waits for m (manager)");
  }

  @Test
  void auditRecordSumsTheRequestUp() {
    Map<String, Object> data =
        Map.of(
            "requestId", "EXP-1",
            "submittedAt", 400L,
            "escalations", 1,
            "comments", List.of(Map.of("text", "a")),
            "decision", Map.of("by", "m", "level", "manager"));
    TestHookCall call = call(AuditRecord.METHOD, "Approved", "ARCHIVE", Map.of("reason", "auto-transition"), data);

    assertThat(run(call).succeeded()).isTrue();

    assertThat(call.data().get("audit"))
        .isEqualTo(
            Map.of(
                "requestId", "EXP-1", "outcome", "approved", "decidedBy", "m", "decidedAtLevel", "manager",
                "escalations", 1, "comments", 1, "durationMs", 600L, "closedAt", 1_000L));
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).isEmpty();
  }

  private TestHookCall call(String method, String state, String event, Map<String, Object> payload, Map<String, Object> data) {
    return triggered(method, state, Event.of(event, payload, 1L), data, sender);
  }

  private TestHookCall entry(String state, String event, Map<String, Object> data) {
    return new TestHookCall(
        HookKind.ENTRY, ApprovalHooks.ASSIGN_APPROVER, "ApprovalComponent", "ApprovalRequest", "request-1", state,
        Event.of(event, Map.of(), 1L), new HashMap<>(data), sender);
  }

  private Future<Void> run(TestHookCall call) {
    return registry.get(call.method()).handle(call);
  }

  /** A triggered-method call of {@code method} for {@code event} on a request holding {@code data}. */
  private static TestHookCall triggered(String method, String state, Event event, Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED, method, "ApprovalComponent", "ApprovalRequest", "request-1", state, event, new HashMap<>(data), sender);
  }
}
