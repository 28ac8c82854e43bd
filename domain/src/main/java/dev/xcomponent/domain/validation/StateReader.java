package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of a machine's {@code states}. Rules: {@code name} is required; {@code type}
 * defaults to {@code regular}; the deprecated {@code entryMethod}/{@code exitMethod} are used as
 * {@code onEntry}/{@code onExit} when those are absent (silently), and ignored with a
 * DEPRECATED_KEY warning when both are given with different values.
 */
final class StateReader {
  private StateReader() {}

  /** Reads a state; null when it has no usable name (the problem is reported). */
  static State read(Node node, String machineWhat, Set<String> machineNames) {
    if (!node.expectMapping()) {
      return null;
    }
    ComponentChecks.unknownKeys(node, ComponentKeys.STATE, Set.of());
    String name = node.requiredString("name");
    Node s = name == null ? node : node.describedAs("state \"" + name + "\" of " + machineWhat);
    StateType type =
        s.choice("type", ComponentKeys.STATE_TYPES, StateType::fromYaml, StateType.REGULAR);
    String onEntry = hook(s, "onEntry", "entryMethod");
    String onExit = hook(s, "onExit", "exitMethod");
    List<CascadingRule> rules = RuleReader.cascadingRules(s, machineNames);
    String description = s.string("description");
    Map<String, Object> metadata = s.opaque("metadata");
    if (name == null) {
      return null;
    }
    return new State(name, type, onEntry, onExit, rules, description, metadata);
  }

  private static String hook(Node s, String key, String deprecatedKey) {
    String current = s.string(key);
    String deprecated = s.string(deprecatedKey);
    if (current != null && deprecated != null && !current.equals(deprecated)) {
      s.report()
          .warning(
              ViolationCodes.DEPRECATED_KEY,
              s.pathOf(deprecatedKey),
              "\"" + deprecatedKey + "\" of " + s.what() + " is deprecated and ignored because \""
                  + key + "\" is set",
              "remove \"" + deprecatedKey + "\"; \"" + key + "\" replaces it");
    }
    return current != null ? current : deprecated;
  }
}
