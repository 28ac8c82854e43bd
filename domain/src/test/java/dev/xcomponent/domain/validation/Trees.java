package dev.xcomponent.domain.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds JSON-like trees in tests: mutable, ordered, nulls allowed. */
final class Trees {
  private Trees() {}

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** Component "Shop" with machine "Order": Created -PAY-> Paid (final). */
  static Map<String, Object> minimal() {
    return map(
        "name", "Shop",
        "stateMachines",
            list(
                map(
                    "name", "Order",
                    "initialState", "Created",
                    "states", list(map("name", "Created"), map("name", "Paid", "type", "final")),
                    "transitions",
                        list(map("from", "Created", "to", "Paid", "event", "PAY")))));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> machine(Map<String, Object> tree, int index) {
    return (Map<String, Object>) ((List<Object>) tree.get("stateMachines")).get(index);
  }

  @SuppressWarnings("unchecked")
  static List<Object> states(Map<String, Object> tree) {
    return (List<Object>) machine(tree, 0).get("states");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> state(Map<String, Object> tree, int index) {
    return (Map<String, Object>) states(tree).get(index);
  }

  @SuppressWarnings("unchecked")
  static List<Object> transitions(Map<String, Object> tree) {
    return (List<Object>) machine(tree, 0).get("transitions");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> transition(Map<String, Object> tree, int index) {
    return (Map<String, Object>) transitions(tree).get(index);
  }
}
