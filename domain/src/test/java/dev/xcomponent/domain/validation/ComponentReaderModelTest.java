package dev.xcomponent.domain.validation;

import static dev.xcomponent.domain.validation.Trees.list;
import static dev.xcomponent.domain.validation.Trees.map;
import static dev.xcomponent.domain.validation.Trees.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.ContextField;
import dev.xcomponent.domain.model.EntryMachineMode;
import dev.xcomponent.domain.model.HookErrorPolicy;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reader puts into the model, and the defaults it applies. */
class ComponentReaderModelTest {

  private static Component read(Map<String, Object> tree) {
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.errors()).as("errors").isEmpty();
    assertThat(r.component()).isNotNull();
    return r.component();
  }

  @Test
  void minimalComponentLoadsWithoutAnyViolation() {
    ReadResult r = ComponentReader.read(minimal());
    assertThat(r.violations()).isEmpty();
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.componentOrNull()).isSameAs(r.component());
    Component c = r.component();
    assertThat(c.name()).isEqualTo("Shop");
    assertThat(c.stateMachines()).extracting(StateMachine::name).containsExactly("Order");
    assertThat(c.machine("Order").initialState()).isEqualTo("Created");
  }

  @Test
  void defaultsOfComponentStateAndTransition() {
    Component c = read(minimal());
    assertThat(c.version()).isNull();
    assertThat(c.entryMachine()).isNull();
    assertThat(c.entryMachineMode()).isEqualTo(EntryMachineMode.SINGLETON);
    assertThat(c.autoCreateEntryPoint()).isNull();
    assertThat(c.hookErrorPolicy()).isEqualTo(HookErrorPolicy.CONTINUE);
    assertThat(c.hookTimeoutMs()).isNull();
    assertThat(c.layout()).isEmpty();
    assertThat(c.metadata()).isEmpty();

    StateMachine m = c.machine("Order");
    assertThat(m.publicMemberType()).isNull();
    assertThat(m.parentLink().active()).isFalse();
    assertThat(m.contextSchema()).isEmpty();
    State created = m.state("Created");
    assertThat(created.type()).isEqualTo(StateType.REGULAR);
    assertThat(created.onEntry()).isNull();
    assertThat(created.cascadingRules()).isEmpty();

    Transition t = m.transitions().get(0);
    assertThat(t.type()).isEqualTo(TransitionType.REGULAR);
    assertThat(t.resetOnTransition()).isTrue();
    assertThat(t.timeoutMs()).isNull();
    assertThat(t.matchingRules()).isEmpty();
    assertThat(t.notifyParent()).isNull();
    assertThat(t.contextMapping()).isNull();
  }

  @Test
  void everyComponentLevelFieldIsRead() {
    Map<String, Object> tree = minimal();
    tree.put("version", "2.0.0");
    tree.put("description", "shop");
    tree.put("entryMachine", "Order");
    tree.put("entryMachineMode", "multiple");
    tree.put("autoCreateEntryPoint", true);
    tree.put("hookErrorPolicy", "abort");
    tree.put("hookTimeoutMs", 2500L);
    tree.put("layout", map("algorithm", "grid", "machines", map("Order", map("x", 1L, "y", 2L))));
    tree.put("metadata", map("domain", "retail", "tags", list("a", "b")));
    Component c = read(tree);
    assertThat(c.version()).isEqualTo("2.0.0");
    assertThat(c.description()).isEqualTo("shop");
    assertThat(c.entryMachine()).isEqualTo("Order");
    assertThat(c.entryMachineMode()).isEqualTo(EntryMachineMode.MULTIPLE);
    assertThat(c.autoCreateEntryPoint()).isTrue();
    assertThat(c.hookErrorPolicy()).isEqualTo(HookErrorPolicy.ABORT);
    assertThat(c.hookTimeoutMs()).isEqualTo(2500L);
    assertThat(c.layout()).containsEntry("algorithm", "grid");
    assertThat(c.metadata()).containsEntry("tags", list("a", "b"));
  }

  @Test
  void numericVersionIsKeptAsItsText() {
    Map<String, Object> tree = minimal();
    tree.put("version", 1.0);
    assertThat(read(tree).version()).isEqualTo("1.0");
    tree.put("version", 3L);
    assertThat(read(tree).version()).isEqualTo("3");
    tree.put("version", 1);
    assertThat(read(tree).version()).isEqualTo("1");
  }

  @Test
  void machineFieldsAreRead() {
    Map<String, Object> tree = minimal();
    Map<String, Object> m = Trees.machine(tree, 0);
    m.put("publicMemberType", "Order");
    m.put("parentLink", map("enabled", true, "onStateChange", "CHILD_CHANGED"));
    m.put("description", "orders");
    m.put("metadata", map("owner", "team-a"));
    m.put(
        "contextSchema",
        map(
            "orderId", map("type", "text", "label", "Order ID", "required", true,
                "placeholder", "ORD-1", "description", "the id"),
            "amount", map("type", "number", "min", 1L, "max", 99.5),
            "side", map("type", "select", "options",
                list("BUY", map("value", "SELL", "label", "Sell"), map("value", 3L)))));
    StateMachine sm = read(tree).machine("Order");
    assertThat(sm.publicMemberType()).isEqualTo("Order");
    assertThat(sm.hasPublicMember()).isTrue();
    assertThat(sm.parentLink().active()).isTrue();
    assertThat(sm.parentLink().onStateChange()).isEqualTo("CHILD_CHANGED");
    assertThat(sm.description()).isEqualTo("orders");
    assertThat(sm.metadata()).containsEntry("owner", "team-a");
    assertThat(sm.contextSchema()).containsOnlyKeys("orderId", "amount", "side");
    ContextField id = sm.contextSchema().get("orderId");
    assertThat(id).isEqualTo(
        new ContextField("text", "Order ID", true, "ORD-1", "the id", java.util.List.of(), null, null));
    ContextField amount = sm.contextSchema().get("amount");
    assertThat(amount.required()).isFalse();
    assertThat(amount.min()).isEqualTo(1L);
    assertThat(amount.max()).isEqualTo(99.5);
    assertThat(sm.contextSchema().get("side").options())
        .containsExactly(
            map("value", "BUY", "label", "BUY"),
            map("value", "SELL", "label", "Sell"),
            map("value", 3L, "label", "3"));
  }

  @Test
  void stateFieldsAndCascadingRulesAreRead() {
    Map<String, Object> tree = minimal();
    Map<String, Object> s = Trees.state(tree, 0);
    s.put("type", "entry");
    s.put("onEntry", "enter");
    s.put("onExit", "leave");
    s.put("description", "new order");
    s.put("metadata", map("k", "v"));
    s.put(
        "cascadingRules",
        list(
            map("targetComponent", "Billing", "targetMachine", "Invoice", "targetState", "Open",
                "event", "BILL",
                "matchingRules", list(map("eventProperty", "orderId", "instanceProperty", "id")),
                "payload", map("orderId", "{{id}}")),
            map("targetMachine", "Order", "event", "PING")));
    State created = read(tree).machine("Order").state("Created");
    assertThat(created.type()).isEqualTo(StateType.ENTRY);
    assertThat(created.onEntry()).isEqualTo("enter");
    assertThat(created.onExit()).isEqualTo("leave");
    assertThat(created.description()).isEqualTo("new order");
    assertThat(created.metadata()).containsEntry("k", "v");
    assertThat(created.cascadingRules())
        .containsExactly(
            new CascadingRule("Billing", "Invoice", "Open", "BILL",
                java.util.List.of(new MatchingRule("orderId", "id", Operator.EQ)),
                map("orderId", "{{id}}")),
            new CascadingRule(null, "Order", null, "PING", java.util.List.of(), Map.of()));
  }

  @Test
  void deprecatedEntryAndExitMethodsAreFoldedIntoHooks() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 0).put("entryMethod", "legacyEnter");
    Trees.state(tree, 0).put("exitMethod", "legacyLeave");
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.violations()).isEmpty();
    State created = r.component().machine("Order").state("Created");
    assertThat(created.onEntry()).isEqualTo("legacyEnter");
    assertThat(created.onExit()).isEqualTo("legacyLeave");
  }

  @Test
  void newHookNamesWinOverDeprecatedOnes() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 0).putAll(map("onEntry", "enter", "entryMethod", "legacyEnter",
        "onExit", "leave", "exitMethod", "leave"));
    ReadResult r = ComponentReader.read(tree);
    State created = r.component().machine("Order").state("Created");
    assertThat(created.onEntry()).isEqualTo("enter");
    assertThat(created.onExit()).isEqualTo("leave");
    assertThat(r.warnings())
        .singleElement()
        .satisfies(v -> {
          assertThat(v.code()).isEqualTo(ViolationCodes.DEPRECATED_KEY);
          assertThat(v.path()).isEqualTo("stateMachines[0].states[0].entryMethod");
        });
  }

  @Test
  void transitionFieldsAreRead() {
    Map<String, Object> tree = minimal();
    Trees.transitions(tree).add(
        map("from", "Created", "to", "Created", "event", "TICK", "type", "timeout",
            "timeoutMs", 5000L, "resetOnTransition", false, "description", "tick",
            "metadata", map("k", 1L)));
    Trees.transitions(tree).add(
        map("from", "Created", "to", "Paid", "event", "SEND", "type", "cross_component",
            "targetComponent", "Billing", "targetMachine", "Invoice", "targetEvent", "PAID",
            "targetState", "Open", "contextMapping", map("orderId", "order.id"),
            "triggeredMethod", "send",
            "matchingRules", list(
                map("eventProperty", "orderId", "instanceProperty", "id"),
                map("eventProperty", "amount", "instanceProperty", "limit", "operator", ">=")),
            "notifyParent", map("event", "DONE")));
    Trees.transitions(tree).add(
        map("from", "Created", "to", "Paid", "event", "AUTO", "type", "auto", "timeoutMs", 0L,
            "notifyParent", map("event", "N", "includeState", false, "includeContext", true)));
    StateMachine m = read(tree).machine("Order");
    assertThat(m.transitions()).extracting(Transition::index).containsExactly(0, 1, 2, 3);

    Transition tick = m.transitions().get(1);
    assertThat(tick.type()).isEqualTo(TransitionType.TIMEOUT);
    assertThat(tick.timeoutMs()).isEqualTo(5000L);
    assertThat(tick.resetOnTransition()).isFalse();
    assertThat(tick.description()).isEqualTo("tick");
    assertThat(tick.metadata()).containsEntry("k", 1L);

    Transition send = m.transitions().get(2);
    assertThat(send.type()).isEqualTo(TransitionType.CROSS_COMPONENT);
    assertThat(send.targetComponent()).isEqualTo("Billing");
    assertThat(send.targetMachine()).isEqualTo("Invoice");
    assertThat(send.targetEvent()).isEqualTo("PAID");
    assertThat(send.targetState()).isEqualTo("Open");
    assertThat(send.contextMapping()).containsExactly(Map.entry("orderId", "order.id"));
    assertThat(send.triggeredMethod()).isEqualTo("send");
    assertThat(send.matchingRules())
        .containsExactly(
            new MatchingRule("orderId", "id", Operator.EQ),
            new MatchingRule("amount", "limit", Operator.GE));
    assertThat(send.notifyParent().event()).isEqualTo("DONE");
    assertThat(send.notifyParent().includeState()).isTrue();
    assertThat(send.notifyParent().includeContext()).isFalse();

    Transition auto = m.transitions().get(3);
    assertThat(auto.type()).isEqualTo(TransitionType.AUTO);
    assertThat(auto.timeoutMs()).isZero();
    assertThat(auto.notifyParent().includeState()).isFalse();
    assertThat(auto.notifyParent().includeContext()).isTrue();
  }

  @Test
  void everyOperatorAndTypeSpellingIsUnderstood() {
    Map<String, Object> tree = minimal();
    for (String op : ComponentKeys.OPERATORS) {
      Trees.transition(tree, 0).put("matchingRules",
          list(map("eventProperty", "a", "instanceProperty", "b", "operator", op)));
      assertThat(read(tree).machine("Order").transitions().get(0).matchingRules().get(0)
          .operator().symbol()).isEqualTo(op);
    }
    for (String type : ComponentKeys.STATE_TYPES) {
      Trees.state(tree, 0).put("type", type);
      assertThat(read(tree).machine("Order").state("Created").type().yamlName()).isEqualTo(type);
    }
  }

  @Test
  void autoTransitionAcceptsZeroOrNoDelay() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "auto");
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
    Trees.transition(tree, 0).put("timeoutMs", 0L);
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void integralNumbersOfAnyJavaTypeAreIntegers() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "timeout");
    for (Object ms : new Object[] {5000, 5000L, 5000.0, java.math.BigInteger.valueOf(5000),
        new java.math.BigDecimal("5000")}) {
      Trees.transition(tree, 0).put("timeoutMs", ms);
      assertThat(read(tree).machine("Order").transitions().get(0).timeoutMs()).isEqualTo(5000L);
    }
    Trees.transition(tree, 0).put("timeoutMs", ComponentKeys.MAX_TIMEOUT_MS);
    assertThat(read(tree).machine("Order").transitions().get(0).timeoutMs())
        .isEqualTo(ComponentKeys.MAX_TIMEOUT_MS);
  }

  @Test
  void nullValuesCountAsAbsent() {
    Map<String, Object> tree = minimal();
    tree.put("description", null);
    tree.put("metadata", null);
    Trees.transition(tree, 0).put("type", null);
    Trees.state(tree, 0).put("cascadingRules", null);
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.violations()).isEmpty();
    assertThat(r.component().machine("Order").transitions().get(0).type())
        .isEqualTo(TransitionType.REGULAR);
  }

  @Test
  void emptyTransitionListIsFine() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).put("transitions", list());
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.errors()).isEmpty();
    assertThat(r.component().machine("Order").transitions()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void readModelIsImmutableAndDetachedFromTheTree() {
    Map<String, Object> tree = minimal();
    tree.put("metadata", map("k", list("a")));
    Component c = read(tree);
    ((java.util.List<Object>) ((Map<?, ?>) tree.get("metadata")).get("k")).add("b");
    assertThat(c.metadata()).containsEntry("k", list("a"));
  }
}
