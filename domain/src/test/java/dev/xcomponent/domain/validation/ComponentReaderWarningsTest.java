package dev.xcomponent.domain.validation;

import static dev.xcomponent.domain.validation.Trees.list;
import static dev.xcomponent.domain.validation.Trees.map;
import static dev.xcomponent.domain.validation.Trees.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problems that let the component load: one warning each, with its path. */
class ComponentReaderWarningsTest {

  /** Reads the tree, expects a component and exactly one warning, and returns it. */
  private static Violation onlyWarning(Map<String, Object> tree, String code, String path) {
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.errors()).as("errors").isEmpty();
    assertThat(r.component()).isNotNull();
    assertThat(r.warnings()).as(r.violations().toString()).hasSize(1);
    Violation v = r.warnings().get(0);
    assertThat(v.isError()).isFalse();
    assertThat(v.code()).isEqualTo(code);
    assertThat(v.path()).isEqualTo(path);
    assertThat(v.hint()).isNotBlank();
    return v;
  }

  @Test
  void removedGuardKeysAreIgnored() {
    for (String key : ComponentKeys.REMOVED_TRANSITION_KEYS) {
      Map<String, Object> tree = minimal();
      Trees.transition(tree, 0).put(key, map("expression", "context.amount > 5000"));
      Violation v =
          onlyWarning(tree, ViolationCodes.REMOVED_KEY, "stateMachines[0].transitions[0]." + key);
      assertThat(v.message()).contains(key, "ignored");
    }
  }

  @Test
  void unknownKeysAtEveryLevelListTheKnownOnes() {
    Map<String, Object> tree = minimal();
    tree.put("colour", "blue");
    Violation v = onlyWarning(tree, ViolationCodes.UNKNOWN_KEY, "colour");
    assertThat(v.hint()).contains("stateMachines", "entryMachine");

    tree = minimal();
    Trees.machine(tree, 0).put("initalState", "Created");
    v = onlyWarning(tree, ViolationCodes.UNKNOWN_KEY, "stateMachines[0].initalState");
    assertThat(v.hint()).contains("initialState");

    tree = minimal();
    Trees.state(tree, 0).put("onEnter", "x");
    onlyWarning(tree, ViolationCodes.UNKNOWN_KEY, "stateMachines[0].states[0].onEnter");

    tree = minimal();
    Trees.transition(tree, 0).put("timeout", 5L);
    v = onlyWarning(tree, ViolationCodes.UNKNOWN_KEY, "stateMachines[0].transitions[0].timeout");
    assertThat(v.hint()).contains("timeoutMs");

    tree = minimal();
    Trees.transition(tree, 0).put("matchingRules",
        list(map("eventProperty", "a", "instanceProperty", "b", "op", ">")));
    onlyWarning(tree, ViolationCodes.UNKNOWN_KEY,
        "stateMachines[0].transitions[0].matchingRules[0].op");
  }

  @Test
  void opaqueMapsAcceptAnyKey() {
    Map<String, Object> tree = minimal();
    tree.put("metadata", map("anything", map("deep", list(1L))));
    tree.put("layout", map("machines", map("Order", map("x", 1L)), "zoom", 2L));
    Trees.state(tree, 0).put("cascadingRules",
        list(map("targetMachine", "Order", "event", "E", "payload", map("free", "{{x}}"))));
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void machineWithoutTerminalState() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 1).remove("type");
    Trees.transitions(tree).add(map("from", "Paid", "to", "Created", "event", "REOPEN"));
    Violation v = onlyWarning(tree, ViolationCodes.NO_TERMINAL_STATE, "stateMachines[0].states");
    assertThat(v.message()).contains("\"Order\"");
  }

  @Test
  void stateWithoutOutgoingTransitionIsTerminal() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 1).remove("type");
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void interMachineTargetOutsideTheComponentMayBeExternal() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).putAll(map("type", "inter_machine", "targetMachine", "Settlement"));
    Violation v = onlyWarning(tree, ViolationCodes.UNKNOWN_TARGET_MACHINE,
        "stateMachines[0].transitions[0].targetMachine");
    assertThat(v.message()).contains("\"Settlement\"", "may be external");

    Trees.transition(tree, 0).put("targetMachine", "Order");
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void cascadingTargetOutsideTheComponentWarnsOnlyWithoutTargetComponent() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 1).put("cascadingRules",
        list(map("targetMachine", "Invoice", "event", "BILL")));
    onlyWarning(tree, ViolationCodes.UNKNOWN_TARGET_MACHINE,
        "stateMachines[0].states[1].cascadingRules[0].targetMachine");

    Trees.state(tree, 1).put("cascadingRules",
        list(map("targetComponent", "Billing", "targetMachine", "Invoice", "event", "BILL")));
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void crossComponentTargetEventWithoutMatchingRulesSendsNothing() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).putAll(map("type", "cross_component",
        "targetComponent", "Billing", "targetEvent", "PAID"));
    Violation v = onlyWarning(tree, ViolationCodes.NO_MATCHING_RULES,
        "stateMachines[0].transitions[0].targetEvent");
    assertThat(v.message()).contains("nothing is sent");

    Trees.transition(tree, 0).put("matchingRules",
        list(map("eventProperty", "orderId", "instanceProperty", "orderId")));
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void contextFieldTypesOutsideTheListWarn() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).put("contextSchema",
        map("a", map("type", "text"), "b", map("type", "select"), "c", map("type", "date")));
    Violation v = onlyWarning(tree, ViolationCodes.UNKNOWN_FIELD_TYPE,
        "stateMachines[0].contextSchema.c.type");
    assertThat(v.hint()).contains("string, text, number, boolean, select");
  }

  @Test
  void componentNameOutsideThePatternWarns() {
    Map<String, Object> tree = minimal();
    tree.put("name", "my shop");
    onlyWarning(tree, ViolationCodes.INVALID_NAME, "name");
    tree.put("name", "Shop-2_b");
    assertThat(ComponentReader.read(tree).violations()).isEmpty();
  }

  @Test
  void parentLinkEnabledWithoutEventWarns() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).put("parentLink", map("enabled", true));
    onlyWarning(tree, ViolationCodes.INCOMPLETE_PARENT_LINK, "stateMachines[0].parentLink");
  }
}
