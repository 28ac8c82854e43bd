package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §6: hooks, ordering, queueing, Sender, hook failures. */
class HooksScenariosTest {
  static final String WORKFLOW =
      """
      name: C
      %s
      stateMachines:
        - name: Workflow
          initialState: Idle
          states:
            - {name: Idle, type: entry, onExit: cleanupIdle}
            - {name: Processing, onEntry: startProcessing, onExit: stopProcessing}
            - {name: Done, type: final, onEntry: notifyComplete}
          transitions:
            - {from: Idle, to: Processing, event: START}
            - {from: Processing, to: Done, event: FINISH, triggeredMethod: handleFinish}
        - name: Legacy
          initialState: A
          states:
            - {name: A, exitMethod: legacyExit}
            - {name: B, entryMethod: legacyEntry}
          transitions:
            - {from: A, to: B, event: GO}
        - name: Payment
          initialState: Pending
          states: [{name: Pending}, {name: Processing}, {name: Validated}, {name: Failed, type: final}]
          transitions:
            - {from: Pending, to: Processing, event: PROCESS, triggeredMethod: checkPayment}
            - {from: Processing, to: Validated, event: VALIDATE}
            - {from: Processing, to: Failed, event: REJECT}
        - name: Fifo
          initialState: A
          states: [{name: A}, {name: B}, {name: C}, {name: D}]
          transitions:
            - {from: A, to: B, event: GO, triggeredMethod: queueMultiple}
            - {from: B, to: C, event: STEP1}
            - {from: C, to: D, event: STEP2}
        - name: Fragile
          initialState: A
          states: [{name: A}, {name: B}, {name: C}]
          transitions:
            - {from: A, to: B, event: GO, triggeredMethod: failingMethod}
            - {from: B, to: C, event: NEXT}
        - name: Order
          initialState: Pending
          publicMemberType: Order
          states: [{name: Pending}, {name: Confirmed}]
          transitions:
            - {from: Pending, to: Confirmed, event: CONFIRM, triggeredMethod: onOrderConfirmed}
        - name: Shipment
          initialState: Idle
          publicMemberType: Shipment
          states: [{name: Idle}, {name: Preparing}]
          transitions:
            - {from: Idle, to: Preparing, event: START_PREPARATION}
      """;

  final Harness h = new Harness();
  final List<String> calls = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    h.close();
  }

  void record(String... methods) {
    for (String m : methods) {
      h.handlers.register(m, c -> {
        calls.add(c.kind().name().toLowerCase() + ":" + c.method() + "@" + c.state());
        return Future.succeededFuture();
      });
    }
  }

  List<String> order() {
    return h.events.stream().map(RuntimeEvent::type)
        .filter(t -> t.endsWith("_method") || t.equals("state_change")).toList();
  }

  @Test
  void hooksRunInOrderAroundTheStateChange() {
    record("cleanupIdle", "startProcessing", "stopProcessing", "handleFinish", "notifyComplete", "legacyExit", "legacyEntry");
    h.start(WORKFLOW.formatted(""));
    String id = h.create("C", "Workflow", Map.of());
    assertThat(calls).isEmpty();
    h.send(id, "START", Map.of());
    assertThat(calls).containsExactly("exit:cleanupIdle@Idle", "entry:startProcessing@Processing");
    calls.clear();
    h.events.clear();
    h.send(id, "FINISH", Map.of());
    assertThat(calls).containsExactly("exit:stopProcessing@Processing", "triggered:handleFinish@Processing", "entry:notifyComplete@Done");
    assertThat(order()).containsExactly("exit_method", "triggered_method", "state_change", "entry_method");
    calls.clear();
    String l = h.create("C", "Legacy", Map.of());
    h.send(l, "GO", Map.of());
    assertThat(calls).containsExactly("exit:legacyExit@A", "entry:legacyEntry@B");
  }

  @Test
  void sendToSelfIsDeferredAndQueuedInOrder() {
    h.handlers.register("checkPayment", c -> {
      c.sender().sendToSelf(Event.of("VALIDATE", Map.of(), 0));
      return Future.succeededFuture();
    });
    h.handlers.register("queueMultiple", c -> {
      c.sender().sendToSelf(Event.of("STEP1", Map.of(), 0));
      c.sender().sendToSelf(Event.of("STEP2", Map.of(), 0));
      return Future.succeededFuture();
    });
    h.start(WORKFLOW.formatted(""));
    String p = h.create("C", "Payment", Map.of());
    assertThat(h.send(p, "PROCESS", Map.of()).currentState()).isEqualTo("Processing");
    eventually(() -> assertThat(h.state(p)).isEqualTo("Validated"));
    String f = h.create("C", "Fifo", Map.of());
    h.send(f, "GO", Map.of());
    eventually(() -> assertThat(h.state(f)).isEqualTo("D"));
    List<String> changes = h.events("state_change").stream()
        .filter(e -> e.payload().get("instanceId").equals(f))
        .map(e -> e.payload().get("previousState") + "->" + e.payload().get("newState")).toList();
    assertThat(changes).containsExactly("A->B", "B->C", "C->D");
  }

  @Test
  void senderCreatesThenSendsAndDataChangesAreRecorded() {
    h.handlers.register("onOrderConfirmed", c -> {
      String shipment = c.sender().createInstance("Shipment", Map.of("orderId", c.data().get("Id")));
      c.sender().sendTo(shipment, Event.of("START_PREPARATION", Map.of("orderId", c.data().get("Id")), 0));
      c.data().put("shipment", shipment);
      return Future.succeededFuture();
    });
    h.start(WORKFLOW.formatted(""));
    String o = h.create("C", "Order", Map.of("Id", 7));
    h.send(o, "CONFIRM", Map.of());
    eventually(() -> assertThat(h.live("C", "Shipment")).singleElement()
        .satisfies(s -> {
          assertThat(s.currentState()).isEqualTo("Preparing");
          assertThat(s.publicMember()).containsEntry("orderId", 7);
        }));
    assertThat(h.view(o).publicMember()).containsKey("shipment");
  }

  @Test
  void failingHooksAreReportedTheirChangesDiscardedAndTheTransitionCompletes() {
    h.handlers.register("failingMethod", c -> {
      c.data().put("poisoned", true);
      c.sender().sendToSelf(Event.of("NEXT", Map.of(), 0));
      throw new IllegalStateException("Business logic exploded!");
    });
    h.start(WORKFLOW.formatted(""));
    String id = h.create("C", "Fragile", Map.of());
    assertThat(h.send(id, "GO", Map.of()).currentState()).isEqualTo("B");
    assertThat(h.view(id).data()).doesNotContainKey("poisoned");
    assertThat(h.events("user_code_error")).singleElement().satisfies(e -> assertThat(e.payload())
        .containsEntry("method", "failingMethod").containsEntry("hook", "triggered_method")
        .containsEntry("error", "Business logic exploded!"));
    Harness.sleep(100);
    assertThat(h.state(id)).isEqualTo("B");
    assertThat(h.send(id, "NEXT", Map.of()).currentState()).isEqualTo("C");
  }

  @Test
  void asyncFailuresAndTimeoutsAreHandledTheSameWay() {
    h.handlers.register("failingMethod", c -> Future.failedFuture("async boom"));
    h.handlers.register("startProcessing", c -> Promise.<Void>promise().future());
    h.settings(RuntimeSettings.defaults().withHookTimeoutMs(200));
    h.start(WORKFLOW.formatted(""));
    String a = h.create("C", "Fragile", Map.of());
    assertThat(h.send(a, "GO", Map.of()).currentState()).isEqualTo("B");
    String b = h.create("C", "Workflow", Map.of());
    assertThat(h.send(b, "START", Map.of()).currentState()).isEqualTo("Processing");
    assertThat(h.events("user_code_error")).extracting(e -> e.payload().get("hook"))
        .containsExactly("triggered_method", "entry_method");
  }

  @Test
  void abortPolicyLeavesTheInstanceWhereItWas() {
    h.handlers.register("failingMethod", c -> Future.failedFuture("async boom"));
    h.start(WORKFLOW.formatted("hookErrorPolicy: abort"));
    String id = h.create("C", "Fragile", Map.of());
    Throwable t = h.sendFailure(id, "GO");
    assertThat(t).isInstanceOf(RuntimeFailure.class).hasMessageContaining("async boom");
    assertThat(h.state(id)).isEqualTo("A");
  }

  @Test
  void eventsWaitBehindARunningHookAndTheQueueIsBounded() {
    Promise<Void> gate = Promise.promise();
    h.handlers.register("checkPayment", c -> gate.future());
    h.settings(RuntimeSettings.defaults().withQueueLimit(1));
    h.start(WORKFLOW.formatted(""));
    String p = h.create("C", "Payment", Map.of());
    var first = h.registry.sendEvent(null, p, Event.of("PROCESS", Map.of(), 0));
    Harness.sleep(50);
    var second = h.registry.sendEvent(null, p, Event.of("VALIDATE", Map.of(), 0));
    var third = h.registry.sendEvent(null, p, Event.of("VALIDATE", Map.of(), 0));
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> third.await(5, java.util.concurrent.TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(RuntimeFailure.class).hasMessageContaining("waiting");
    assertThat(h.state(p)).isEqualTo("Pending");
    h.vertx.runOnContext(v -> gate.complete());
    assertThat(Harness.await(first).currentState()).isEqualTo("Processing");
    assertThat(Harness.await(second).currentState()).isEqualTo("Validated");
  }
}
