package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of a machine's {@code transitions}.
 *
 * <p>Rules: {@code from}, {@code to} and {@code event} are required and {@code from}/{@code to}
 * must be states of the machine; {@code type} defaults to {@code regular}; {@code timeoutMs} is an
 * integer from 0 to one year, and a {@code timeout} transition needs one above 0 ({@code auto}
 * accepts 0 or none); {@code resetOnTransition} defaults to true; {@code inter_machine} needs
 * {@code targetMachine} (a machine of another component only warns); {@code cross_component}
 * needs {@code targetComponent}, and with {@code targetEvent} but no {@code matchingRules} it
 * warns that nothing would be sent; {@code notifyParent} needs {@code event}, its {@code
 * includeState} defaults to true and {@code includeContext} to false; the removed {@code guard},
 * {@code guards} and {@code specificTriggeringRule(s)} keys are ignored with a warning.
 */
final class TransitionReader {
  private TransitionReader() {}

  /** Reads a transition; null when from, to or event is unusable (the problem is reported). */
  static Transition read(Node t, int index, ComponentChecks.Scope scope) {
    if (!t.expectMapping()) {
      return null;
    }
    ComponentChecks.unknownKeys(
        t, ComponentKeys.TRANSITION, ComponentKeys.REMOVED_TRANSITION_KEYS);
    String from = t.requiredString("from");
    String to = t.requiredString("to");
    String event = t.requiredString("event");
    ComponentChecks.stateRef(t, "from", from, scope);
    ComponentChecks.stateRef(t, "to", to, scope);
    TransitionType type =
        t.choice(
            "type",
            ComponentKeys.TRANSITION_TYPES,
            TransitionType::fromYaml,
            TransitionType.REGULAR);
    Long timeoutMs = timeout(t, type);
    Boolean reset = t.bool("resetOnTransition");
    String targetMachine = t.string("targetMachine");
    String targetComponent = t.string("targetComponent");
    String targetEvent = t.string("targetEvent");
    String targetState = t.string("targetState");
    Map<String, String> contextMapping = contextMapping(t);
    String triggeredMethod = t.string("triggeredMethod");
    List<MatchingRule> rules = RuleReader.matchingRules(t);
    NotifyParent notifyParent = notifyParent(t);
    String description = t.string("description");
    Map<String, Object> metadata = t.opaque("metadata");
    checkType(t, type, scope);

    if (from == null || to == null || event == null) {
      return null;
    }
    return new Transition(
        index,
        from,
        to,
        event,
        type,
        timeoutMs,
        reset == null || reset,
        targetMachine,
        targetComponent,
        targetEvent,
        targetState,
        contextMapping,
        triggeredMethod,
        rules,
        notifyParent,
        description,
        metadata);
  }

  /** The timeoutMs when valid; reports range problems and a timeout transition without delay. */
  private static Long timeout(Node t, TransitionType type) {
    boolean present = t.has("timeoutMs");
    Long ms = t.integer("timeoutMs");
    if (present && ms == null) {
      return null; // wrong type, already reported
    }
    if (ms != null && (ms < 0 || ms > ComponentKeys.MAX_TIMEOUT_MS)) {
      t.report()
          .error(
              ViolationCodes.VALUE_OUT_OF_RANGE,
              t.pathOf("timeoutMs"),
              Node.capitalize(t.what()) + ": timeoutMs " + ms
                  + (ms < 0 ? " is negative" : " is more than one year"),
              "give a delay in milliseconds from 0 to " + ComponentKeys.MAX_TIMEOUT_MS);
      return null;
    }
    if (type == TransitionType.TIMEOUT && (ms == null || ms == 0)) {
      t.report()
          .error(
              ViolationCodes.MISSING_TIMEOUT,
              t.pathOf("timeoutMs"),
              Node.capitalize(t.what()) + ": timeout transition must have timeoutMs value"
                  + (ms == null ? "" : " greater than 0"),
              "add \"timeoutMs: <delay in milliseconds>\" above 0, or use \"type: auto\" to fire"
                  + " at once");
    }
    return ms;
  }

  private static Map<String, String> contextMapping(Node t) {
    Node mapping = t.mapping("contextMapping", "the contextMapping of " + t.what());
    if (mapping == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) t.raw("contextMapping")).entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() instanceof String path) {
        out.put(key, path);
      } else {
        mapping.wrongType(key, "string", e.getValue());
      }
    }
    return out;
  }

  private static NotifyParent notifyParent(Node t) {
    Node n = t.mapping("notifyParent", "the notifyParent of " + t.what());
    if (n == null) {
      return null;
    }
    ComponentChecks.unknownKeys(n, ComponentKeys.NOTIFY_PARENT, Set.of());
    String event = n.requiredString("event");
    Boolean includeState = n.bool("includeState");
    Boolean includeContext = n.bool("includeContext");
    if (event == null) {
      return null;
    }
    return new NotifyParent(
        event, includeState == null || includeState, Boolean.TRUE.equals(includeContext));
  }

  private static void checkType(Node t, TransitionType type, ComponentChecks.Scope scope) {
    if (type == TransitionType.INTER_MACHINE) {
      if (missing(t, "targetMachine")) {
        t.report()
            .error(
                ViolationCodes.MISSING_TARGET_MACHINE,
                t.pathOf("targetMachine"),
                Node.capitalize(t.what()) + ": inter_machine transition must have targetMachine",
                "add \"targetMachine: <machine>\" naming the machine to instantiate");
      } else {
        ComponentChecks.targetMachine(
            t,
            t.string("targetMachine"),
            scope,
            "an inter_machine transition instantiates a machine of the same component");
      }
    }
    if (type == TransitionType.CROSS_COMPONENT) {
      if (missing(t, "targetComponent")) {
        t.report()
            .error(
                ViolationCodes.MISSING_TARGET_COMPONENT,
                t.pathOf("targetComponent"),
                Node.capitalize(t.what())
                    + ": cross_component transition must have targetComponent",
                "add \"targetComponent: <component name>\"");
      }
      Object rules = t.raw("matchingRules");
      boolean noRules = rules == null || (rules instanceof List<?> l && l.isEmpty());
      if (t.raw("targetEvent") instanceof String targetEvent && noRules) {
        t.report()
            .warning(
                ViolationCodes.NO_MATCHING_RULES,
                t.pathOf("targetEvent"),
                Node.capitalize(t.what()) + ": targetEvent \"" + targetEvent
                    + "\" without matchingRules selects no target instance, so nothing is sent",
                "add matchingRules that select the target instances, or remove targetEvent to"
                    + " create a new instance instead");
      }
    }
  }

  /** True when the key is absent or blank (a value of the wrong type was reported already). */
  private static boolean missing(Node t, String key) {
    Object v = t.raw(key);
    return v == null || (v instanceof String s && s.isBlank());
  }
}
