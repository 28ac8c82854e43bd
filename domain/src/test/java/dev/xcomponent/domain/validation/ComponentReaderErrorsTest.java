package dev.xcomponent.domain.validation;

import static dev.xcomponent.domain.validation.Trees.list;
import static dev.xcomponent.domain.validation.Trees.map;
import static dev.xcomponent.domain.validation.Trees.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Problems that refuse a component: one error each, with its path, message and hint. */
class ComponentReaderErrorsTest {

  /** Reads the tree, expects no component and exactly one error, and returns it. */
  private static Violation onlyError(Map<String, Object> tree) {
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.component()).isNull();
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.errors()).as(r.violations().toString()).hasSize(1);
    return r.errors().get(0);
  }

  private static Violation onlyError(Map<String, Object> tree, String code, String path) {
    Violation v = onlyError(tree);
    assertThat(v.code()).isEqualTo(code);
    assertThat(v.path()).isEqualTo(path);
    assertThat(v.hint()).isNotBlank();
    return v;
  }

  @Test
  void nullTreeIsAnEmptyDocument() {
    Violation v = onlyError(null, ViolationCodes.EMPTY_DOCUMENT, "");
    assertThat(v.message()).contains("empty");
  }

  @Test
  void missingComponentName() {
    Map<String, Object> tree = minimal();
    tree.remove("name");
    Violation v = onlyError(tree, ViolationCodes.MISSING_FIELD, "name");
    assertThat(v.message()).contains("\"name\"");
  }

  @Test
  void blankNameCountsAsMissing() {
    Map<String, Object> tree = minimal();
    tree.put("name", "  ");
    onlyError(tree, ViolationCodes.MISSING_FIELD, "name");
  }

  @Test
  void missingOrEmptyStateMachines() {
    Map<String, Object> tree = minimal();
    tree.remove("stateMachines");
    onlyError(tree, ViolationCodes.NO_STATE_MACHINES, "stateMachines");
    tree.put("stateMachines", list());
    Violation v = onlyError(tree, ViolationCodes.NO_STATE_MACHINES, "stateMachines");
    assertThat(v.message()).contains("at least one state machine");
  }

  @Test
  void machineWithoutNameOrInitialState() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).remove("name");
    Violation v = onlyError(tree, ViolationCodes.MISSING_FIELD, "stateMachines[0].name");
    assertThat(v.message()).containsIgnoringCase("state machine #1");

    tree = minimal();
    Trees.machine(tree, 0).remove("initialState");
    v = onlyError(tree, ViolationCodes.MISSING_FIELD, "stateMachines[0].initialState");
    assertThat(v.message()).contains("\"Order\"", "initialState");
  }

  @Test
  void duplicateMachineNames() {
    Map<String, Object> tree = minimal();
    @SuppressWarnings("unchecked")
    List<Object> machines = (List<Object>) tree.get("stateMachines");
    machines.add(minimal().get("stateMachines") instanceof List<?> l ? l.get(0) : null);
    Violation v = onlyError(tree, ViolationCodes.DUPLICATE_MACHINE, "stateMachines[1].name");
    assertThat(v.message()).contains("\"Order\"", "#1", "#2");
  }

  @Test
  void missingOrEmptyStates() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).remove("states");
    onlyError(tree, ViolationCodes.NO_STATES, "stateMachines[0].states");
    Trees.machine(tree, 0).put("states", list());
    onlyError(tree, ViolationCodes.NO_STATES, "stateMachines[0].states");
  }

  @Test
  void duplicateStateNames() {
    Map<String, Object> tree = minimal();
    Trees.states(tree).add(map("name", "Created"));
    Violation v =
        onlyError(tree, ViolationCodes.DUPLICATE_STATE, "stateMachines[0].states[2].name");
    assertThat(v.message()).contains("\"Created\"", "\"Order\"");
  }

  @Test
  void initialStateNotDeclared() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).put("initialState", "Start");
    Violation v =
        onlyError(tree, ViolationCodes.UNKNOWN_INITIAL_STATE, "stateMachines[0].initialState");
    assertThat(v.message()).contains("\"Start\"", "\"Order\"");
    assertThat(v.hint()).contains("\"Created\"", "\"Paid\"");
  }

  @Test
  void missingTransitionsListIsAnError() {
    Map<String, Object> tree = minimal();
    Trees.machine(tree, 0).remove("transitions");
    Violation v = onlyError(tree, ViolationCodes.MISSING_FIELD, "stateMachines[0].transitions");
    assertThat(v.hint()).contains("transitions: []");
  }

  @Test
  void transitionMissingFromToOrEvent() {
    for (String key : List.of("from", "to", "event")) {
      Map<String, Object> tree = minimal();
      Trees.transition(tree, 0).remove(key);
      Violation v = onlyError(
          tree, ViolationCodes.MISSING_FIELD, "stateMachines[0].transitions[0]." + key);
      assertThat(v.message()).containsIgnoringCase("transition #1").contains("\"Order\"", key);
    }
  }

  @Test
  void transitionToUndeclaredStateNamesMachineNumberAndState() {
    Map<String, Object> tree = minimal();
    Trees.transitions(tree).add(map("from", "Paid", "to", "Shipped", "event", "SHIP"));
    Violation v = onlyError(tree, ViolationCodes.UNKNOWN_STATE, "stateMachines[0].transitions[1].to");
    assertThat(v.message()).containsIgnoringCase("transition #2").contains("\"Order\"", "\"Shipped\"");
    assertThat(v.hint()).contains("\"Created\"", "\"Paid\"");

    tree = minimal();
    Trees.transition(tree, 0).put("from", "Nowhere");
    v = onlyError(tree, ViolationCodes.UNKNOWN_STATE, "stateMachines[0].transitions[0].from");
    assertThat(v.message()).contains("\"from\" state \"Nowhere\" does not exist");
  }

  @Test
  void timeoutTransitionNeedsAPositiveTimeoutMs() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "timeout");
    Violation v =
        onlyError(tree, ViolationCodes.MISSING_TIMEOUT, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("timeout transition must have timeoutMs value");
    Trees.transition(tree, 0).put("timeoutMs", 0L);
    v = onlyError(tree, ViolationCodes.MISSING_TIMEOUT, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("timeout transition must have timeoutMs value");
  }

  @Test
  void negativeOrAbsurdTimeoutMs() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "auto");
    Trees.transition(tree, 0).put("timeoutMs", -1L);
    Violation v = onlyError(
        tree, ViolationCodes.VALUE_OUT_OF_RANGE, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("-1", "negative");
    Trees.transition(tree, 0).put("timeoutMs", ComponentKeys.MAX_TIMEOUT_MS + 1);
    v = onlyError(
        tree, ViolationCodes.VALUE_OUT_OF_RANGE, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("more than one year");
    Trees.transition(tree, 0).put("timeoutMs", new java.math.BigInteger("1" + "0".repeat(30)));
    onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[0].timeoutMs");
  }

  @Test
  void interMachineWithoutTargetMachine() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "inter_machine");
    Violation v = onlyError(
        tree, ViolationCodes.MISSING_TARGET_MACHINE, "stateMachines[0].transitions[0].targetMachine");
    assertThat(v.message()).contains("inter_machine transition must have targetMachine");
  }

  @Test
  void crossComponentWithoutTargetComponent() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("type", "cross_component");
    onlyError(tree, ViolationCodes.MISSING_TARGET_COMPONENT,
        "stateMachines[0].transitions[0].targetComponent");
  }

  @Test
  void entryMachineMustBeAMachine() {
    Map<String, Object> tree = minimal();
    tree.put("entryMachine", "Basket");
    Violation v = onlyError(tree, ViolationCodes.UNKNOWN_ENTRY_MACHINE, "entryMachine");
    assertThat(v.message()).contains("\"Basket\"");
    assertThat(v.hint()).contains("\"Order\"");
  }

  @Test
  void unknownEnumValuesListTheAllowedOnesInTheHint() {
    record Case(String path, Consumer<Map<String, Object>> change, List<String> allowed) {}
    List<Case> cases =
        List.of(
            new Case("entryMachineMode", t -> t.put("entryMachineMode", "single"),
                ComponentKeys.ENTRY_MACHINE_MODES),
            new Case("hookErrorPolicy", t -> t.put("hookErrorPolicy", "retry"),
                ComponentKeys.HOOK_ERROR_POLICIES),
            new Case("stateMachines[0].states[0].type",
                t -> Trees.state(t, 0).put("type", "Final"), ComponentKeys.STATE_TYPES),
            new Case("stateMachines[0].transitions[0].type",
                t -> Trees.transition(t, 0).put("type", "teleport"),
                ComponentKeys.TRANSITION_TYPES),
            new Case("stateMachines[0].transitions[0].matchingRules[0].operator",
                t -> Trees.transition(t, 0).put("matchingRules",
                    list(map("eventProperty", "a", "instanceProperty", "b", "operator", "=="))),
                ComponentKeys.OPERATORS));
    for (Case c : cases) {
      Map<String, Object> tree = minimal();
      c.change().accept(tree);
      Violation v = onlyError(tree, ViolationCodes.INVALID_ENUM_VALUE, c.path());
      assertThat(v.hint()).contains(String.join(", ", c.allowed()));
    }
  }

  @Test
  void wrongTypesNameExpectedAndActualType() {
    Map<String, Object> tree = minimal();
    tree.put("name", 42L);
    Violation v = onlyError(tree, ViolationCodes.WRONG_TYPE, "name");
    assertThat(v.message()).contains("must be a string", "got integer 42");

    tree = minimal();
    Trees.machine(tree, 0).put("states", "Created");
    v = onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].states");
    assertThat(v.message()).contains("must be a list", "got string \"Created\"");

    tree = minimal();
    Trees.transition(tree, 0).put("timeoutMs", "soon");
    v = onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("must be an integer", "got string \"soon\"");

    tree = minimal();
    Trees.transition(tree, 0).put("timeoutMs", 1.5);
    v = onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[0].timeoutMs");
    assertThat(v.message()).contains("got number 1.5");

    tree = minimal();
    Trees.transition(tree, 0).put("resetOnTransition", "no");
    v = onlyError(
        tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[0].resetOnTransition");
    assertThat(v.message()).contains("must be a boolean");

    tree = minimal();
    Trees.machine(tree, 0).put("parentLink", list());
    v = onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].parentLink");
    assertThat(v.message()).contains("must be a mapping", "got a list");

    tree = minimal();
    Trees.transitions(tree).add("oops");
    v = onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[1]");
    assertThat(v.message()).contains("Transition #2", "must be a mapping");

    tree = minimal();
    tree.put("version", true);
    onlyError(tree, ViolationCodes.WRONG_TYPE, "version");

    tree = minimal();
    tree.put("metadata", "x");
    onlyError(tree, ViolationCodes.WRONG_TYPE, "metadata");

    tree = minimal();
    Trees.transition(tree, 0).put("contextMapping", map("id", 5L));
    onlyError(tree, ViolationCodes.WRONG_TYPE, "stateMachines[0].transitions[0].contextMapping.id");
  }

  @Test
  void matchingRuleNeedsBothProperties() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("matchingRules", list(map("operator", ">")));
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.errors())
        .extracting(Violation::code, Violation::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.MISSING_FIELD,
                "stateMachines[0].transitions[0].matchingRules[0].eventProperty"),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.MISSING_FIELD,
                "stateMachines[0].transitions[0].matchingRules[0].instanceProperty"));
  }

  @Test
  void cascadingRuleNeedsTargetMachineAndEvent() {
    Map<String, Object> tree = minimal();
    Trees.state(tree, 1).put("cascadingRules", list(map("targetState", "X")));
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.errors())
        .extracting(Violation::path)
        .containsExactly(
            "stateMachines[0].states[1].cascadingRules[0].targetMachine",
            "stateMachines[0].states[1].cascadingRules[0].event");
  }

  @Test
  void notifyParentNeedsAnEvent() {
    Map<String, Object> tree = minimal();
    Trees.transition(tree, 0).put("notifyParent", map("includeContext", true));
    onlyError(tree, ViolationCodes.MISSING_FIELD, "stateMachines[0].transitions[0].notifyParent.event");
  }

  @Test
  void hookTimeoutMustBePositive() {
    Map<String, Object> tree = minimal();
    tree.put("hookTimeoutMs", 0L);
    onlyError(tree, ViolationCodes.VALUE_OUT_OF_RANGE, "hookTimeoutMs");
  }

  @Test
  void tooManyMachinesOrStatesOrTransitions() {
    Map<String, Object> tree = minimal();
    List<Object> machines = new ArrayList<>();
    for (int i = 0; i <= ComponentKeys.MAX_MACHINES; i++) {
      Map<String, Object> m = Trees.machine(minimal(), 0);
      m.put("name", "M" + i);
      machines.add(m);
    }
    tree.put("stateMachines", machines);
    Violation v = onlyError(tree, ViolationCodes.LIMIT_EXCEEDED, "stateMachines");
    assertThat(v.message()).contains("1001", "1000");

    tree = minimal();
    for (int i = 0; i < ComponentKeys.MAX_STATES; i++) {
      Trees.states(tree).add(map("name", "S" + i, "type", "final"));
    }
    onlyError(tree, ViolationCodes.LIMIT_EXCEEDED, "stateMachines[0].states");

    tree = minimal();
    for (int i = 0; i < ComponentKeys.MAX_TRANSITIONS; i++) {
      Trees.transitions(tree).add(map("from", "Created", "to", "Paid", "event", "E" + i));
    }
    onlyError(tree, ViolationCodes.LIMIT_EXCEEDED, "stateMachines[0].transitions");
  }

  @Test
  void everyProblemIsReportedInOnePass() {
    Map<String, Object> tree = minimal();
    tree.remove("name");
    tree.put("entryMachine", "Ghost");
    Trees.machine(tree, 0).put("initialState", "Start");
    Trees.states(tree).add(map("name", "Paid"));
    Trees.transitions(tree).add(map("from", "Created", "to", "Nowhere", "event", "GO"));
    Trees.transitions(tree).add(map("from", "Created", "to", "Paid", "type", "timeout",
        "timeoutMs", -5L, "event", "T"));
    Trees.transitions(tree).add(map("from", "Created", "to", "Paid", "event", "X",
        "type", "warp"));
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.component()).isNull();
    assertThat(r.errors())
        .extracting(Violation::code)
        .containsExactlyInAnyOrder(
            ViolationCodes.MISSING_FIELD,
            ViolationCodes.UNKNOWN_ENTRY_MACHINE,
            ViolationCodes.UNKNOWN_INITIAL_STATE,
            ViolationCodes.DUPLICATE_STATE,
            ViolationCodes.UNKNOWN_STATE,
            ViolationCodes.VALUE_OUT_OF_RANGE,
            ViolationCodes.INVALID_ENUM_VALUE);
  }

  @Test
  void everyViolationIsWellFormed() {
    Map<String, Object> tree = minimal();
    tree.put("name", 3L);
    tree.put("zzz", 1L);
    Trees.machine(tree, 0).put("states", list("x", map("type", "odd"), map("name", "Paid")));
    Trees.transitions(tree).add(map("type", "inter_machine", "guard", "x"));
    ReadResult r = ComponentReader.read(tree);
    assertThat(r.violations()).hasSizeGreaterThan(5).allSatisfy(v -> {
      assertThat(v.code()).matches("[A-Z][A-Z0-9_]*");
      assertThat(v.message()).isNotBlank();
      assertThat(v.hint()).isNotBlank();
      assertThat(v.path()).matches("[A-Za-z0-9_.\\[\\]]*");
    });
  }
}
