package dev.xcomponent.domain.validation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vocabulary of a component document, as {@link ComponentReader} understands it: the keys
 * each object may hold, the keys it requires, the allowed values of every enumerated field, and
 * the size limits.
 *
 * <p>These constants are the single source of truth shared by the reader and by the tests that
 * keep {@code docs/component.schema.json} in step with it. Object names ({@code component}, {@code
 * stateMachine}, {@code state}, ...) are the names used under {@code $defs} in that schema ({@code
 * component} being the schema root). Sets keep the documented order, so hints list keys in a
 * readable order.
 */
public final class ComponentKeys {
  private ComponentKeys() {}

  /** Keys of the top-level component object. */
  public static final Set<String> COMPONENT =
      ordered(
          "name",
          "version",
          "description",
          "stateMachines",
          "entryMachine",
          "entryMachineMode",
          "autoCreateEntryPoint",
          "hookErrorPolicy",
          "hookTimeoutMs",
          "layout",
          "metadata");

  /** Keys of a state machine. */
  public static final Set<String> STATE_MACHINE =
      ordered(
          "name",
          "initialState",
          "states",
          "transitions",
          "publicMemberType",
          "parentLink",
          "contextSchema",
          "description",
          "metadata");

  /** Keys of a state; {@code entryMethod}/{@code exitMethod} are deprecated aliases. */
  public static final Set<String> STATE =
      ordered(
          "name",
          "type",
          "onEntry",
          "onExit",
          "entryMethod",
          "exitMethod",
          "cascadingRules",
          "description",
          "metadata");

  /** Keys of a transition. */
  public static final Set<String> TRANSITION =
      ordered(
          "from",
          "to",
          "event",
          "type",
          "timeoutMs",
          "resetOnTransition",
          "targetMachine",
          "targetComponent",
          "targetEvent",
          "targetState",
          "contextMapping",
          "triggeredMethod",
          "matchingRules",
          "notifyParent",
          "description",
          "metadata");

  /** Keys removed from transitions upstream; they load with a warning and are ignored. */
  public static final Set<String> REMOVED_TRANSITION_KEYS =
      ordered("guard", "guards", "specificTriggeringRule", "specificTriggeringRules");

  /** Keys of a matching rule. */
  public static final Set<String> MATCHING_RULE =
      ordered("eventProperty", "instanceProperty", "operator");

  /** Keys of a state's cascading rule. */
  public static final Set<String> CASCADING_RULE =
      ordered(
          "targetComponent", "targetMachine", "targetState", "event", "matchingRules", "payload");

  /** Keys of a transition's {@code notifyParent}. */
  public static final Set<String> NOTIFY_PARENT =
      ordered("event", "includeState", "includeContext");

  /** Keys of a machine's {@code parentLink}. */
  public static final Set<String> PARENT_LINK = ordered("enabled", "onStateChange");

  /** Keys of one field of a machine's {@code contextSchema}. */
  public static final Set<String> CONTEXT_FIELD =
      ordered("type", "label", "required", "placeholder", "description", "options", "min", "max");

  /** Keys of one {@code options} entry of a select field written as a mapping. */
  public static final Set<String> SELECT_OPTION = ordered("value", "label");

  /** Every checked object, by schema name. Opaque maps (metadata, layout, payload) are absent. */
  public static final Map<String, Set<String>> KNOWN_KEYS =
      orderedMap(
          "component", COMPONENT,
          "stateMachine", STATE_MACHINE,
          "state", STATE,
          "transition", TRANSITION,
          "matchingRule", MATCHING_RULE,
          "cascadingRule", CASCADING_RULE,
          "notifyParent", NOTIFY_PARENT,
          "parentLink", PARENT_LINK,
          "contextField", CONTEXT_FIELD,
          "selectOption", SELECT_OPTION);

  /** The keys each object requires (an empty list when none), by schema name. */
  public static final Map<String, List<String>> REQUIRED_KEYS =
      orderedMap(
          "component", List.of("name", "stateMachines"),
          "stateMachine", List.of("name", "initialState", "states", "transitions"),
          "state", List.of("name"),
          "transition", List.of("from", "to", "event"),
          "matchingRule", List.of("eventProperty", "instanceProperty"),
          "cascadingRule", List.of("targetMachine", "event"),
          "notifyParent", List.of("event"),
          "parentLink", List.of(),
          "contextField", List.of(),
          "selectOption", List.of("value"));

  /** Extra keys a transition requires, by transition type. */
  public static final Map<String, List<String>> REQUIRED_BY_TRANSITION_TYPE =
      orderedMap(
          "timeout", List.of("timeoutMs"),
          "inter_machine", List.of("targetMachine"),
          "cross_component", List.of("targetComponent"));

  /** State types; missing means {@code regular}. */
  public static final List<String> STATE_TYPES = List.of("entry", "regular", "final", "error");

  /** Transition types; missing means {@code regular}. */
  public static final List<String> TRANSITION_TYPES =
      List.of(
          "regular",
          "triggerable",
          "internal",
          "timeout",
          "auto",
          "inter_machine",
          "cross_component");

  /** Matching-rule operators; missing means {@code ===}. */
  public static final List<String> OPERATORS = List.of("===", "!==", ">", "<", ">=", "<=");

  /** Entry machine modes; missing means {@code singleton}. */
  public static final List<String> ENTRY_MACHINE_MODES = List.of("singleton", "multiple");

  /** Hook error policies (our own option); missing means {@code continue}. */
  public static final List<String> HOOK_ERROR_POLICIES = List.of("continue", "abort");

  /** Context field types; another value loads with a warning. */
  public static final List<String> CONTEXT_FIELD_TYPES =
      List.of("string", "text", "number", "boolean", "select");

  /** Every enumerated field, by a stable name used in tests. */
  public static final Map<String, List<String>> ENUMS =
      orderedMap(
          "stateType", STATE_TYPES,
          "transitionType", TRANSITION_TYPES,
          "operator", OPERATORS,
          "entryMachineMode", ENTRY_MACHINE_MODES,
          "hookErrorPolicy", HOOK_ERROR_POLICIES,
          "contextFieldType", CONTEXT_FIELD_TYPES);

  /** Advised shape of a component name; another name loads with a warning. */
  public static final Pattern NAME_PATTERN = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*$");

  /** Most machines a component may hold. */
  public static final int MAX_MACHINES = 1000;

  /** Most states a machine may hold. */
  public static final int MAX_STATES = 10_000;

  /** Most transitions a machine may hold. */
  public static final int MAX_TRANSITIONS = 10_000;

  /** Most entries of the other lists: matching rules, cascading rules, select options. */
  public static final int MAX_LIST_ITEMS = 10_000;

  /** Longest accepted {@code timeoutMs} or {@code hookTimeoutMs}: one year (365 days). */
  public static final long MAX_TIMEOUT_MS = 31_536_000_000L;

  private static Set<String> ordered(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> orderedMap(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
