package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.eventually;
import static dev.xcomponent.app.scenarios.Harness.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §1–§4: lifecycle, payloads, auto transitions, timeout resets. */
class LifecycleScenariosTest {
  static final String SIMPLE =
      """
      name: C
      stateMachines:
        - name: SimpleFlow
          initialState: Start
          states:
            - {name: Start, type: entry}
            - {name: Processing}
            - {name: Success, type: final}
            - {name: Failed, type: error}
          transitions:
            - {from: Start, to: Processing, event: BEGIN}
            - {from: Processing, to: Success, event: COMPLETE}
            - {from: Processing, to: Failed, event: ERROR}
            - {from: Processing, to: Failed, event: TIMEOUT, type: timeout, timeoutMs: 300}
      """;

  final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void createsWithContextAndRejectsUnknownMachine() {
    h.start(SIMPLE);
    String id = h.create("C", "SimpleFlow", Map.of("userId", "123", "amount", 100));
    assertThat(id).isNotBlank();
    assertThat(h.view(id).currentState()).isEqualTo("Start");
    assertThat(h.view(id).status()).isEqualTo("active");
    assertThat(h.view(id).data()).isEqualTo(Map.of("userId", "123", "amount", 100));
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Harness.await(h.registry.createInstance("C", "NonExistent", Map.of())));
    assertThat(t).hasMessageContaining("Machine NonExistent not found");
  }

  @Test
  void transitionEmitsOneStateChangeAndFinalStatesDispose() {
    h.start(SIMPLE);
    String id = h.create("C", "SimpleFlow", Map.of());
    EventOutcome o = h.send(id, "BEGIN", Map.of());
    assertThat(o.transitioned()).isTrue();
    assertThat(o.currentState()).isEqualTo("Processing");
    assertThat(h.events("state_change")).hasSize(1);
    RuntimeEvent sc = h.events("state_change").get(0);
    assertThat(sc.payload()).containsEntry("previousState", "Start").containsEntry("newState", "Processing");
    h.send(id, "COMPLETE", Map.of("result", "success"));
    assertThat(h.registry.runtime("C").orElseThrow().component()).isNotNull();
    assertThat(h.view(id).finished()).isTrue();
    assertThat(h.view(id).status()).isEqualTo("completed");
    assertThat(h.events("instance_disposed")).hasSize(1);
    assertThat(h.sendFailure(id, "BEGIN")).isInstanceOf(RuntimeFailure.class);

    String other = h.create("C", "SimpleFlow", Map.of());
    h.send(other, "BEGIN", Map.of());
    h.send(other, "ERROR", Map.of());
    assertThat(h.view(other).status()).isEqualTo("error");
  }

  @Test
  void timeoutFiresWithReasonAndLeavingTheStateCancelsIt() {
    h.start(SIMPLE);
    String id = h.create("C", "SimpleFlow", Map.of());
    h.send(id, "BEGIN", Map.of());
    assertThat(h.view(id).pendingTimeouts()).singleElement().satisfies(p -> {
      assertThat(p.event()).isEqualTo("TIMEOUT");
      assertThat(p.targetState()).isEqualTo("Failed");
      assertThat(p.remainingMs()).isBetween(1L, 300L);
    });
    eventually(() -> assertThat(h.view(id).status()).isEqualTo("error"));
    RuntimeEvent last = h.events("state_change").get(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> ev = (Map<String, Object>) last.payload().get("event");
    assertThat(ev).containsEntry("type", "TIMEOUT").containsEntry("payload", Map.of("reason", "timeout"));

    String other = h.create("C", "SimpleFlow", Map.of());
    h.send(other, "BEGIN", Map.of());
    h.send(other, "COMPLETE", Map.of());
    sleep(450);
    assertThat(h.view(other).currentState()).isEqualTo("Success");
  }

  @Test
  void instancesAreIndependentAndUnknownEventsAreIgnored() {
    h.start(SIMPLE);
    String a = h.create("C", "SimpleFlow", Map.of());
    String b = h.create("C", "SimpleFlow", Map.of());
    h.send(a, "BEGIN", Map.of());
    assertThat(h.state(a)).isEqualTo("Processing");
    assertThat(h.state(b)).isEqualTo("Start");
    assertThat(h.live("C", "SimpleFlow")).hasSize(2);
    EventOutcome o = h.send(b, "NOPE", Map.of());
    assertThat(o.transitioned()).isFalse();
    assertThat(o.outcome()).isEqualTo("ignored");
    assertThat(h.events("event_ignored")).singleElement()
        .satisfies(e -> assertThat(e.payload()).containsEntry("currentState", "Start"));
    Throwable t = h.sendFailure("zzz", "X");
    assertThat(t).hasMessageContaining("Instance zzz not found");
  }

  @Test
  void payloadMergeRules() {
    h.start(
        """
        name: C
        stateMachines:
          - name: M
            initialState: A
            states: [{name: A}, {name: B}, {name: E}]
            transitions:
              - {from: A, to: B, event: GO}
              - {from: A, to: E, event: EXEC, matchingRules: [{eventProperty: id, instanceProperty: id}]}
          - name: P
            initialState: A
            publicMemberType: Thing
            states: [{name: A}, {name: B}]
            transitions:
              - {from: A, to: B, event: GO}
        """);
    String m = h.create("C", "M", Map.of("k", 1));
    h.send(m, "GO", Map.of("z", 2));
    assertThat(h.view(m).data()).isEqualTo(Map.of("k", 1, "z", 2));
    String r = h.create("C", "M", Map.of("id", 1));
    assertThat(h.send(r, "EXEC", Map.of("id", 999)).currentState()).isEqualTo("E");
    assertThat(h.view(r).data()).isEqualTo(Map.of("id", 1));
    String p = h.create("C", "P", Map.of("k", 1));
    assertThat(h.view(p).publicMember()).isEqualTo(Map.of("k", 1));
    assertThat(h.view(p).context()).isEmpty();
    h.send(p, "GO", Map.of("z", 2));
    assertThat(h.view(p).publicMember()).isEqualTo(Map.of("k", 1, "z", 2));
    assertThat(h.view(p).context()).isEqualTo(Map.of("z", 2));
  }

  @Test
  void timeoutReasonIsMergedAndManualFiringCancelsTheTimer() {
    h.start(
        """
        name: C
        stateMachines:
          - name: W
            initialState: W
            states: [{name: W}, {name: X}, {name: Y}]
            transitions:
              - {from: W, to: X, event: TO, type: timeout, timeoutMs: 80}
              - {from: X, to: Y, event: TO}
        """);
    String a = h.create("C", "W", Map.of("a", 1));
    eventually(() -> assertThat(h.state(a)).isEqualTo("X"));
    assertThat(h.view(a).data()).isEqualTo(Map.of("a", 1, "reason", "timeout"));
    String b = h.create("C", "W", Map.of());
    h.send(b, "TO", Map.of());
    sleep(200);
    assertThat(h.state(b)).isEqualTo("X");
  }

  @Test
  void autoTransitionsRunImmediatelyDelayedAndChained() {
    h.start(
        """
        name: C
        stateMachines:
          - name: Workflow
            initialState: Start
            states: [{name: Start}, {name: Validated}, {name: Processing}, {name: Done, type: final}]
            transitions:
              - {from: Start, to: Validated, event: VALIDATE}
              - {from: Validated, to: Processing, event: AUTO_PROCESS, type: auto, timeoutMs: 0}
              - {from: Processing, to: Done, event: COMPLETE}
          - name: Delayed
            initialState: Start
            states: [{name: Start}, {name: Processing}]
            transitions:
              - {from: Start, to: Processing, event: AUTO_START, type: auto, timeoutMs: 150}
          - name: Chain
            initialState: Start
            states: [{name: Start}, {name: Step1}, {name: Step2}, {name: Done, type: final}]
            transitions:
              - {from: Start, to: Step1, event: MANUAL_START}
              - {from: Step1, to: Step2, event: AUTO_STEP2, type: auto, timeoutMs: 20}
              - {from: Step2, to: Done, event: AUTO_DONE, type: auto, timeoutMs: 20}
        """);
    String w = h.create("C", "Workflow", Map.of());
    assertThat(h.send(w, "VALIDATE", Map.of()).currentState()).isEqualTo("Validated");
    eventually(() -> assertThat(h.state(w)).isEqualTo("Processing"));
    assertThat(h.view(w).data()).containsEntry("reason", "auto-transition");
    String d = h.create("C", "Delayed", Map.of());
    sleep(60);
    assertThat(h.state(d)).isEqualTo("Start");
    eventually(() -> assertThat(h.state(d)).isEqualTo("Processing"));
    String c = h.create("C", "Chain", Map.of());
    h.send(c, "MANUAL_START", Map.of());
    eventually(() -> assertThat(h.view(c).finished()).isTrue());
    assertThat(h.view(c).currentState()).isEqualTo("Done");
  }

  static String resetMachine(String reset) {
    return """
        name: C
        stateMachines:
          - name: R
            initialState: W
            states: [{name: W, type: entry}, {name: T}]
            transitions:
              - {from: W, to: W, event: PING}
              - {from: W, to: T, event: TO, type: timeout, timeoutMs: 300%s}
        """.formatted(reset);
  }

  @Test
  void selfLoopResetsTimeoutByDefault() {
    h.start(resetMachine(""));
    String id = h.create("C", "R", Map.of());
    sleep(200);
    h.send(id, "PING", Map.of());
    sleep(160);
    assertThat(h.state(id)).isEqualTo("W");
    eventually(() -> assertThat(h.state(id)).isEqualTo("T"));
  }

  @Test
  void selfLoopKeepsTimeoutWhenResetIsFalse() {
    h.start(resetMachine(", resetOnTransition: false"));
    String id = h.create("C", "R", Map.of());
    sleep(200);
    h.send(id, "PING", Map.of());
    sleep(200);
    assertThat(h.state(id)).isEqualTo("T");
  }
}
