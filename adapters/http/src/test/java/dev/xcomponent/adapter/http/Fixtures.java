package dev.xcomponent.adapter.http;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.ContextField;
import dev.xcomponent.domain.model.EntryMachineMode;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Components built in code for the tests. */
final class Fixtures {
  private Fixtures() {}

  static State state(String name, StateType type) {
    return new State(name, type, null, null, List.of(), null, Map.of());
  }

  static Transition regular(int index, String from, String to, String event) {
    return transition(index, from, to, event, TransitionType.REGULAR, null, null, List.of());
  }

  static Transition transition(
      int index,
      String from,
      String to,
      String event,
      TransitionType type,
      String targetMachine,
      String targetComponent,
      List<MatchingRule> rules) {
    return new Transition(
        index,
        from,
        to,
        event,
        type,
        null,
        true,
        targetMachine,
        targetComponent,
        null,
        null,
        null,
        null,
        rules,
        null,
        null,
        Map.of());
  }

  /**
   * Component {@code Shop}, entry machine {@code Order} (multiple, not auto-created). Order: Draft
   * (entry) -VALIDATE-> Validated -SHIP-> Shipped (final); Draft -CANCEL-> Cancelled (error);
   * Validated -REQUEST_PAYMENT-> Validated (inter_machine to Payment). Payment: Pending -PAY-> Paid
   * (final), with a context schema.
   */
  static Component shop() {
    StateMachine order =
        new StateMachine(
            "Order",
            "Draft",
            List.of(
                state("Draft", StateType.ENTRY),
                state("Validated", StateType.REGULAR),
                state("Shipped", StateType.FINAL),
                state("Cancelled", StateType.ERROR)),
            List.of(
                regular(0, "Draft", "Validated", "VALIDATE"),
                regular(1, "Validated", "Shipped", "SHIP"),
                regular(2, "Draft", "Cancelled", "CANCEL")),
            null,
            null,
            Map.of(),
            "An order",
            Map.of());
    Map<String, ContextField> schema = new LinkedHashMap<>();
    schema.put("amount", new ContextField("number", "Amount", true, null, null, null, 0, null));
    StateMachine payment =
        new StateMachine(
            "Payment",
            "Pending",
            List.of(state("Pending", StateType.REGULAR), state("Paid", StateType.FINAL)),
            List.of(regular(0, "Pending", "Paid", "PAY")),
            null,
            null,
            schema,
            null,
            Map.of());
    return new Component(
        "Shop",
        "1.0.0",
        "Test shop",
        List.of(order, payment),
        "Order",
        EntryMachineMode.MULTIPLE,
        false,
        null,
        null,
        Map.of(),
        Map.of());
  }

  /** Component {@code Gate}: singleton entry machine Gate, Open -CLOSE-> Closed (final). */
  static Component gate() {
    StateMachine gate =
        new StateMachine(
            "Gate",
            "Open",
            List.of(state("Open", StateType.ENTRY), state("Closed", StateType.FINAL)),
            List.of(regular(0, "Open", "Closed", "CLOSE")),
            null,
            null,
            Map.of(),
            null,
            Map.of());
    return new Component(
        "Gate", null, null, List.of(gate), "Gate", null, null, null, null, Map.of(), Map.of());
  }

  /** A machine using every optional field, for the JSON and diagram tests. */
  static StateMachine rich() {
    State waiting =
        new State(
            "Waiting",
            StateType.REGULAR,
            "enterWaiting",
            "leaveWaiting",
            List.of(
                new CascadingRule(
                    "Billing",
                    "Invoice",
                    "Open",
                    "CLOSE",
                    List.of(new MatchingRule("orderId", "orderId", Operator.EQ)),
                    Map.of("id", "{{orderId}}"))),
            "waits",
            Map.of("color", "blue"));
    Transition cross =
        new Transition(
            1,
            "Waiting",
            "Done",
            "NOTIFY",
            TransitionType.CROSS_COMPONENT,
            5000L,
            false,
            "Invoice",
            "Billing",
            "OPEN",
            "Open",
            Map.of("orderId", "id"),
            "onNotify",
            List.of(new MatchingRule("amount", "limit", Operator.GT)),
            new NotifyParent("CHILD_DONE", true, false),
            "tell billing",
            Map.of("k", 1));
    return new StateMachine(
        "Flow",
        "Start",
        List.of(
            state("Start", StateType.ENTRY),
            waiting,
            state("Done", StateType.FINAL),
            state("Failed", StateType.ERROR)),
        List.of(
            transition(
                0,
                "Start",
                "Waiting",
                "GO",
                TransitionType.INTER_MACHINE,
                "Helper",
                null,
                List.of()),
            cross,
            regular(2, "Start", "Failed", "FAIL")),
        "FlowData",
        new ParentLink(true, "CHILD_CHANGED"),
        Map.of(
            "name", new ContextField("string", null, false, "your name", null, null, null, null)),
        "a rich machine",
        Map.of());
  }
}
