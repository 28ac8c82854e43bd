package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.EntryMachineMode;
import dev.xcomponent.domain.model.HookErrorPolicy;
import dev.xcomponent.domain.model.StateMachine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the JSON-like tree of one component document into a {@link Component}, reporting every
 * problem at once.
 *
 * <p>The tree is made of {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Number}, {@code Boolean} and null, as produced by any YAML or JSON parser. Reading never
 * throws on bad input and never stops at the first problem: each problem becomes a {@link
 * Violation} with a document path ({@code stateMachines[0].transitions[3].to}, indexes from 0), a
 * stable code from {@link ViolationCodes}, a message naming the offending value and a hint.
 *
 * <p>Rules of the component level: {@code name} and a non-empty {@code stateMachines} list are
 * required; machine names are unique; {@code entryMachine} must name one of the machines; {@code
 * version} is text (a number such as {@code 1.0} is accepted and kept as its text); {@code
 * entryMachineMode} is {@code singleton|multiple}; {@code hookErrorPolicy} is {@code
 * continue|abort}; {@code hookTimeoutMs} is an integer from 1 ms to one year; {@code layout} and
 * {@code metadata} are opaque mappings; a name outside {@link ComponentKeys#NAME_PATTERN} loads
 * with a warning; at most {@link ComponentKeys#MAX_MACHINES} machines. The rules of the nested
 * objects are given by the package's other readers. Keys the format does not know load with an
 * UNKNOWN_KEY warning; a key whose value is null counts as absent.
 */
public final class ComponentReader {
  private ComponentReader() {}

  /**
   * Reads one component document.
   *
   * @param tree the parsed document, or null for an empty one
   * @return the component (null iff there is an error) and every violation found
   */
  public static ReadResult read(Map<String, Object> tree) {
    Report report = new Report();
    if (tree == null) {
      report.error(
          ViolationCodes.EMPTY_DOCUMENT,
          "",
          "The document is empty",
          "write a component: a mapping with at least name and stateMachines");
      return new ReadResult(null, report.violations());
    }
    Node root = new Node(tree, "", "the component", report);
    ComponentChecks.unknownKeys(root, ComponentKeys.COMPONENT, Set.of());
    String name = root.requiredString("name");
    if (name != null) {
      checkName(root, name);
      root = root.describedAs("component \"" + name + "\"");
    }
    String version = version(root);
    String description = root.string("description");
    String entryMachine = root.string("entryMachine");
    EntryMachineMode mode =
        root.choice(
            "entryMachineMode",
            ComponentKeys.ENTRY_MACHINE_MODES,
            s -> Optional.of(EntryMachineMode.valueOf(s.toUpperCase(Locale.ROOT))),
            null);
    Boolean autoCreate = root.bool("autoCreateEntryPoint");
    HookErrorPolicy policy =
        root.choice(
            "hookErrorPolicy",
            ComponentKeys.HOOK_ERROR_POLICIES,
            s -> Optional.of(HookErrorPolicy.valueOf(s.toUpperCase(Locale.ROOT))),
            null);
    Long hookTimeoutMs = hookTimeout(root);
    Map<String, Object> layout = root.opaque("layout");
    Map<String, Object> metadata = root.opaque("metadata");
    List<StateMachine> machines = machines(root, entryMachine);

    if (report.hasErrors()) {
      return new ReadResult(null, report.violations());
    }
    Component component =
        new Component(
            name,
            version,
            description,
            machines,
            entryMachine,
            mode,
            autoCreate,
            policy,
            hookTimeoutMs,
            layout,
            metadata);
    return new ReadResult(component, report.violations());
  }

  private static List<StateMachine> machines(Node root, String entryMachine) {
    if (!root.has("stateMachines")) {
      noMachines(root, " is missing required field \"stateMachines\"");
      return List.of();
    }
    List<Node> nodes =
        root.list("stateMachines", ComponentKeys.MAX_MACHINES, i -> "state machine #" + (i + 1));
    if (nodes == null) {
      return List.of();
    }
    if (nodes.isEmpty()) {
      noMachines(root, " must have at least one state machine");
    }
    Set<String> names = ComponentChecks.machineNames(nodes);
    ComponentChecks.duplicateMachines(nodes, root.report());
    List<StateMachine> machines = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      StateMachine m = MachineReader.read(nodes.get(i), i, names);
      if (m != null) {
        machines.add(m);
      }
    }
    ComponentChecks.entryMachine(root, entryMachine, names);
    return machines;
  }

  private static void noMachines(Node root, String problem) {
    root.report()
        .error(
            ViolationCodes.NO_STATE_MACHINES,
            root.pathOf("stateMachines"),
            Node.capitalize(root.what()) + problem,
            "add a \"stateMachines:\" list with at least one machine");
  }

  private static void checkName(Node root, String name) {
    if (!ComponentKeys.NAME_PATTERN.matcher(name).matches()) {
      root.report()
          .warning(
              ViolationCodes.INVALID_NAME,
              root.pathOf("name"),
              "Component name \"" + name + "\" does not match "
                  + ComponentKeys.NAME_PATTERN.pattern(),
              "start with a letter and use only letters, digits, '_' and '-': the name is used"
                  + " in message-bus channels and URLs");
    }
  }

  /** The version as text; numbers are accepted and kept as their decimal text. */
  private static String version(Node root) {
    Object v = root.raw("version");
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        return BigDecimal.valueOf(d).toPlainString();
      }
    } else if (v instanceof Number) {
      return v.toString();
    }
    root.wrongType("version", "string", v);
    return null;
  }

  private static Long hookTimeout(Node root) {
    Long ms = root.integer("hookTimeoutMs");
    if (ms != null && (ms <= 0 || ms > ComponentKeys.MAX_TIMEOUT_MS)) {
      root.report()
          .error(
              ViolationCodes.VALUE_OUT_OF_RANGE,
              root.pathOf("hookTimeoutMs"),
              "hookTimeoutMs " + ms + " of " + root.what() + " is out of range",
              "give a time in milliseconds from 1 to " + ComponentKeys.MAX_TIMEOUT_MS);
      return null;
    }
    return ms;
  }
}
