package dev.xcomponent.domain.engine;

import static dev.xcomponent.domain.engine.Defs.component;
import static dev.xcomponent.domain.engine.Defs.ev;
import static dev.xcomponent.domain.engine.Defs.fire;
import static dev.xcomponent.domain.engine.Defs.instance;
import static dev.xcomponent.domain.engine.Defs.machine;
import static dev.xcomponent.domain.engine.Defs.rule;
import static dev.xcomponent.domain.engine.Defs.state;
import static dev.xcomponent.domain.engine.Defs.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.TransitionType;
import dev.xcomponent.domain.routing.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionEngineTest {
  final Component simple =
      component(
          "C",
          machine(
              "SimpleFlow",
              "Start",
              List.of(state("Start", StateType.ENTRY), state("Processing"), state("Success", StateType.FINAL), state("Failed", StateType.ERROR)),
              t("Start", "BEGIN", "Processing"),
              t("Processing", "COMPLETE", "Success"),
              t("Processing", "ERROR", "Failed"),
              t("Processing", "TIMEOUT", "Failed").type(TransitionType.TIMEOUT).timeout(1000)));

  @Test
  void aTransitionProducesTheRecordedEventAndTheNextInstance() {
    Instance i = instance(simple, "SimpleFlow", Map.of("k", 1));
    Transitioned tr = fire(simple, i, ev("BEGIN", Map.of("z", 2)));
    assertThat(tr.after().state()).isEqualTo("Processing");
    assertThat(tr.after().data()).isEqualTo(Map.of("k", 1, "z", 2));
    assertThat(tr.after().version()).isEqualTo(2);
    assertThat(tr.recorded().fromState()).isEqualTo("Start");
    assertThat(tr.recorded().toState()).isEqualTo("Processing");
    assertThat(tr.recorded().seq()).isEqualTo(2);
    assertThat(tr.timers().cancelAll()).isTrue();
    assertThat(tr.timers().arm()).extracting(x -> x.event()).containsExactly("TIMEOUT");
    assertThat(i.state()).as("the input is not changed").isEqualTo("Start");
  }

  @Test
  void unknownEventsSelectNothingAndFinalStatesFinish() {
    Instance i = instance(simple, "SimpleFlow", Map.of());
    assertThat(TransitionEngine.select(i, ev("NOPE", Map.of()))).isNull();
    Instance p = fire(simple, i, ev("BEGIN", Map.of())).after();
    Transitioned done = fire(simple, p, ev("COMPLETE", Map.of()));
    assertThat(done.finished()).isTrue();
    assertThat(done.after().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(done.timers().cancelAll()).isTrue();
    assertThat(done.timers().arm()).isEmpty();
    assertThat(fire(simple, p, ev("ERROR", Map.of())).after().status()).isEqualTo(InstanceStatus.ERROR);
  }

  @Test
  void replayingRecordedEventsRebuildsTheSameInstance() {
    Instance i = instance(simple, "SimpleFlow", Map.of("a", 1));
    List<TransitionRecorded> log = new ArrayList<>();
    Instance current = i;
    for (String type : List.of("BEGIN", "COMPLETE")) {
      Transitioned tr = fire(simple, current, ev(type, Map.of(type, true)));
      log.add(tr.recorded());
      current = tr.after();
    }
    Instance replayed = i;
    for (TransitionRecorded r : log) {
      replayed = Evolver.apply(replayed, r);
    }
    assertThat(replayed.state()).isEqualTo(current.state());
    assertThat(replayed.data()).isEqualTo(current.data());
    assertThat(replayed.status()).isEqualTo(current.status());
    assertThat(replayed.version()).isEqualTo(current.version());
    assertThat(replayed.updatedAt()).isEqualTo(current.updatedAt());
  }

  @Test
  void selectionFollowsTheReferenceRules() {
    Component c = component("C", machine("M", "A", List.of(state("A"), state("B"), state("C")),
        t("A", "GO", "B").rules(rule("k", "k")),
        t("A", "GO", "C"),
        t("A", "ONE", "B").rules(rule("k", "k"))));
    Instance i = instance(c, "M", Map.of("k", 5));
    assertThat(TransitionEngine.select(i, ev("GO", Map.of("k", 5))).to()).isEqualTo("B");
    assertThat(TransitionEngine.select(i, ev("GO", Map.of("k", 6))).to()).isEqualTo("C");
    assertThat(TransitionEngine.select(i, ev("ONE", Map.of("k", 999))).to())
        .as("a single candidate fires without evaluating its rules").isEqualTo("B");
    Transitioned tr = fire(c, i, ev("ONE", Map.of("k", 999)));
    assertThat(tr.after().data()).as("no merge with matching rules").isEqualTo(Map.of("k", 5));
  }

  @Test
  void publicMemberMachinesMergeIntoBothMaps() {
    Component c = component("C", machine("P", "A", "Thing", null, List.of(state("A"), state("B")), t("A", "GO", "B")));
    Instance i = instance(c, "P", Map.of("k", 1));
    assertThat(i.publicMember()).isEqualTo(Map.of("k", 1));
    assertThat(i.context()).isEmpty();
    Instance after = fire(c, i, ev("GO", Map.of("z", 2))).after();
    assertThat(after.publicMember()).isEqualTo(Map.of("k", 1, "z", 2));
    assertThat(after.context()).isEqualTo(Map.of("z", 2));
  }

  @Test
  void selfLoopsRestartOnlyResettingTimeouts() {
    Component c = component("C", machine("R", "W", List.of(state("W"), state("T")),
        t("W", "PING", "W"),
        t("W", "TO", "T").type(TransitionType.TIMEOUT).timeout(150),
        t("W", "TO2", "T").type(TransitionType.TIMEOUT).timeout(150).noReset()));
    Instance i = instance(c, "R", Map.of());
    assertThat(TimerPlan.atCreation(c.machine("R"), "W").arm()).hasSize(2);
    TimerPlan plan = fire(c, i, ev("PING", Map.of())).timers();
    assertThat(plan.cancelAll()).isFalse();
    assertThat(plan.cancel()).extracting(x -> x.event()).containsExactly("TO");
    assertThat(plan.arm()).extracting(x -> x.event()).containsExactly("TO");
  }

  @Test
  void interMachineAndParentNotificationEffects() {
    Component c = component("C",
        machine("Order", "Created", List.of(state("Created"), state("Pending")),
            t("Created", "SUBMIT", "Pending").type(TransitionType.INTER_MACHINE).target("Payment")
                .mapping(Map.of("orderId", "orderId", "paymentAmount", "amount", "gone", "nope"))),
        machine("Payment", "A", null, new ParentLink(true, "CHILD_DONE"), List.of(state("A"), state("B")),
            t("A", "GO", "B"), t("A", "GO2", "B").notify(new NotifyParent("N", false, true))));
    Instance order = instance(c, "Order", Map.of("orderId", "ORD-1", "amount", 500, "secret", "x"));
    Effect.CreateChild child = (Effect.CreateChild) fire(c, order, ev("SUBMIT", Map.of())).effects().get(0);
    assertThat(child.machine()).isEqualTo("Payment");
    assertThat(child.data()).isEqualTo(Map.of("orderId", "ORD-1", "paymentAmount", 500));
    assertThat(child.parentId()).isEqualTo(order.id());

    Instance pay = instance(c, "Payment", Map.of("x", 1), "parent-1");
    Effect.NotifyParent n = (Effect.NotifyParent) fire(c, pay, ev("GO", Map.of())).effects().get(0);
    assertThat(n.parentId()).isEqualTo("parent-1");
    assertThat(n.event().type()).isEqualTo("CHILD_DONE");
    assertThat(n.event().payload()).isEqualTo(Map.of("childInstanceId", pay.id(), "childMachine", "Payment",
        "previousState", "A", "newState", "B"));
    Effect.NotifyParent n2 = (Effect.NotifyParent) fire(c, pay, ev("GO2", Map.of())).effects().get(0);
    assertThat(n2.event().payload()).containsKey("childContext").doesNotContainKey("newState");
  }

  @Test
  void crossComponentEffects() {
    Component c = component("PaymentComponent", machine("Payment", "A", List.of(state("A"), state("B")),
        t("A", "CREATE", "B").type(TransitionType.CROSS_COMPONENT).component("OrderComponent", null).target("Order")
            .mapping(Map.of("orderId", "orderId")),
        t("A", "SIGNAL", "B").type(TransitionType.CROSS_COMPONENT).component("OrderComponent", "PAID")
            .target("Order").rules(rule("orderId", "orderId")),
        t("A", "NORULES", "B").type(TransitionType.CROSS_COMPONENT).component("OrderComponent", "PAID")));
    Instance p = instance(c, "Payment", Map.of("orderId", "O1", "amount", 5));
    Effect.CreateInComponent create = (Effect.CreateInComponent) fire(c, p, ev("CREATE", Map.of())).effects().get(0);
    assertThat(create.targetComponent()).isEqualTo("OrderComponent");
    assertThat(create.data()).isEqualTo(Map.of("orderId", "O1"));
    Effect.SignalComponent signal = (Effect.SignalComponent) fire(c, p, ev("SIGNAL", Map.of("extra", 1))).effects().get(0);
    assertThat(signal.event().type()).isEqualTo("PAID");
    assertThat(signal.event().sourceComponent()).isEqualTo("PaymentComponent");
    assertThat(signal.event().payload()).isEqualTo(Map.of("orderId", "O1", "amount", 5, "extra", 1));
    assertThat(signal.rules()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("O1"));
    Effect.DroppedSignal dropped = (Effect.DroppedSignal) fire(c, p, ev("NORULES", Map.of())).effects().get(0);
    assertThat(dropped.targetMachine()).as("defaults to the component name").isEqualTo("OrderComponent");
  }

  @Test
  void cascadesRenderTypedTemplatesAndResolveFilters() {
    CascadingRule cascade = new CascadingRule(null, "Target", "Idle", "TRIGGER",
        List.of(rule("sourceId", "sourceId"), rule("other", "other", Operator.GT)),
        Map.of("sourceId", "{{Id}}", "name", "{{Name}}", "amount", "{{Amount}}",
            "nested", Map.of("city", "{{Address.City}}", "zip", "{{Address.Zip}}"),
            "missing", "{{Nope}}", "partial", "id-{{Id}}", "list", List.of("{{Id}}")));
    Component c = component("C",
        machine("Source", "A", List.of(state("A"), Defs.cascading("B", cascade)), t("A", "GO", "B")),
        machine("Target", "Idle", List.of(state("Idle")), new Defs.T[0]));
    Instance s = instance(c, "Source", Map.of("Id", 42, "Name", "TestSource", "Amount", 99.99, "other", 3,
        "Address", Map.of("City", "Paris", "Zip", "75001")));
    Effect.Cascade e = (Effect.Cascade) fire(c, s, ev("GO", Map.of())).effects().get(0);
    assertThat(e.event().payload()).isEqualTo(Map.of("sourceId", 42, "name", "TestSource", "amount", 99.99,
        "nested", Map.of("city", "Paris", "zip", "75001"), "partial", "id-{{Id}}", "list", List.of("{{Id}}")));
    assertThat(e.filters()).extracting(Effect.ResolvedRule::value).containsExactly(42, 3);
    Instance bare = instance(c, "Source", Map.of("Id", 42));
    Effect.Cascade e2 = (Effect.Cascade) fire(c, bare, ev("GO", Map.of())).effects().get(0);
    assertThat(e2.event().payload()).containsOnlyKeys("sourceId", "nested", "partial", "list");
    assertThat(e2.filters().get(1).value()).isSameAs(Paths.MISSING);
  }
}
