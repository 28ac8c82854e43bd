package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import dev.xcomponent.domain.routing.ContextMappings;
import dev.xcomponent.domain.routing.Paths;
import dev.xcomponent.domain.routing.RuleEvaluator;
import dev.xcomponent.domain.routing.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure transition function, in two steps so that user code can run between them.
 *
 * <ol>
 *   <li>{@link #select}: which transition an event fires, if any.
 *   <li>{@link #complete}: given the data after user code and the payload merge, the instance
 *       after the transition, the event to record, timer changes and effects.
 * </ol>
 */
public final class TransitionEngine {
  private TransitionEngine() {}

  /**
   * The transition {@code event} fires from the instance's current state, or null when it is
   * ignored. Candidates are the transitions from the current state on the event type, in YAML
   * order: one candidate fires without evaluating its rules (kept from the reference); with several,
   * the first whose rules all pass against (payload, current data) wins, else the only candidate
   * without rules, else the first candidate.
   */
  public static Transition select(Instance instance, Event event) {
    List<Transition> candidates = instance.machine().candidates(instance.state(), event.type());
    int n = candidates.size();
    if (n == 0) {
      return null;
    }
    if (n == 1) {
      return candidates.get(0);
    }
    Transition withoutRules = null;
    int withoutRulesCount = 0;
    for (int i = 0; i < n; i++) {
      Transition t = candidates.get(i);
      if (t.hasMatchingRules()) {
        if (RuleEvaluator.matches(t.matchingRules(), event.payload(), instance.data())) {
          return t;
        }
      } else {
        withoutRules = t;
        withoutRulesCount++;
      }
    }
    return withoutRulesCount == 1 ? withoutRules : candidates.get(0);
  }

  /** Why {@link #select} found nothing, for {@code event_ignored} reports. */
  public static String ignoredReason(Instance instance, Event event) {
    return "no transition from " + instance.state() + " on " + event.type();
  }

  /**
   * The data after the payload merge: a non-empty payload is merged into the data unless the
   * transition has matching rules.
   */
  public static InstanceData mergePayload(InstanceData data, Transition transition, Event event) {
    return transition.hasMatchingRules() ? data : data.merge(event.payload());
  }

  /**
   * Completes an accepted transition.
   *
   * @param componentName the component that owns the instance
   * @param before instance before the transition
   * @param transition the selected transition
   * @param event the triggering event
   * @param data the data after exit/triggered hooks, the payload merge and the entry hook
   * @param now time of the transition
   * @param eventId id given to the recorded event; effects name it as their cause
   */
  public static Transitioned complete(
      String componentName,
      Instance before,
      Transition transition,
      Event event,
      InstanceData data,
      long now,
      String eventId) {
    StateMachine machine = before.machine();
    State target = machine.state(transition.to());
    InstanceStatus status = statusOf(target.type());
    Instance after = before.next(transition.to(), data.publicMember(), data.context(), status, now);
    TransitionRecorded recorded =
        new TransitionRecorded(
            before.id(),
            after.version(),
            transition.index(),
            event,
            before.state(),
            transition.to(),
            data.publicMember(),
            data.context(),
            status,
            now,
            eventId);
    TimerPlan timers = TimerPlan.afterTransition(machine, transition, status != InstanceStatus.ACTIVE);
    List<Effect> effects =
        effects(componentName, before, after, transition, event, target, now, eventId);
    return new Transitioned(before, after, transition, recorded, timers, effects);
  }

  /** The status an instance has in a state of this type. */
  public static InstanceStatus statusOf(StateType type) {
    switch (type) {
      case FINAL:
        return InstanceStatus.COMPLETED;
      case ERROR:
        return InstanceStatus.ERROR;
      default:
        return InstanceStatus.ACTIVE;
    }
  }

  private static List<Effect> effects(
      String componentName,
      Instance before,
      Instance after,
      Transition transition,
      Event event,
      State target,
      long now,
      String eventId) {
    String flow = before.correlationId();
    List<CascadingRule> cascades = target.cascadingRules();
    boolean hasParent = before.parentId() != null;
    TransitionType type = transition.type();
    if (cascades.isEmpty()
        && !hasParent
        && type != TransitionType.INTER_MACHINE
        && type != TransitionType.CROSS_COMPONENT) {
      return List.of();
    }
    List<Effect> effects = new ArrayList<>(2);
    for (CascadingRule rule : cascades) {
      effects.add(cascade(rule, after.data(), now, eventId, flow));
    }
    if (hasParent) {
      Effect notify = parentNotification(before, after, transition, now, eventId, flow);
      if (notify != null) {
        effects.add(notify);
      }
    }
    if (type == TransitionType.INTER_MACHINE && transition.targetMachine() != null) {
      Map<String, Object> source = sourceData(after, event);
      effects.add(
          new Effect.CreateChild(
              transition.targetMachine(),
              ContextMappings.apply(transition.contextMapping(), source),
              before.id(),
              before.machine().name(),
              eventId,
              flow));
    } else if (type == TransitionType.CROSS_COMPONENT && transition.targetComponent() != null) {
      effects.add(crossComponent(componentName, after, transition, event, now, eventId, flow));
    }
    return effects;
  }

  private static Effect cascade(
      CascadingRule rule, Map<String, Object> source, long now, String eventId, String flow) {
    Map<String, Object> payload = Templates.render(rule.payload(), source);
    List<Effect.ResolvedRule> filters = new ArrayList<>(rule.matchingRules().size());
    for (MatchingRule r : rule.matchingRules()) {
      Object value = Paths.get(payload, r.eventProperty());
      if (value == Paths.MISSING) {
        value = Paths.get(source, r.eventProperty());
      }
      filters.add(new Effect.ResolvedRule(r, value));
    }
    return new Effect.Cascade(
        rule, Event.of(rule.event(), payload, now).causedBy(eventId, flow), filters);
  }

  private static Effect parentNotification(
      Instance before, Instance after, Transition transition, long now, String eventId, String flow) {
    NotifyParent perTransition = transition.notifyParent();
    ParentLink link = before.machine().parentLink();
    String eventType;
    boolean includeState;
    boolean includeContext;
    if (perTransition != null) {
      eventType = perTransition.event();
      includeState = perTransition.includeState();
      includeContext = perTransition.includeContext();
    } else if (link.active()) {
      eventType = link.onStateChange();
      includeState = true;
      includeContext = false;
    } else {
      return null;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("childInstanceId", before.id());
    payload.put("childMachine", before.machine().name());
    payload.put("previousState", before.state());
    if (includeState) {
      payload.put("newState", after.state());
    }
    if (includeContext) {
      payload.put("childContext", after.data());
    }
    return new Effect.NotifyParent(
        before.parentId(), Event.of(eventType, payload, now).causedBy(eventId, flow));
  }

  private static Effect crossComponent(
      String componentName,
      Instance after,
      Transition transition,
      Event event,
      long now,
      String eventId,
      String flow) {
    String targetComponent = transition.targetComponent();
    String targetMachine =
        transition.targetMachine() != null ? transition.targetMachine() : targetComponent;
    Map<String, Object> mapped =
        ContextMappings.apply(transition.contextMapping(), sourceData(after, event));
    if (transition.targetEvent() == null) {
      return new Effect.CreateInComponent(targetComponent, targetMachine, mapped, eventId, flow);
    }
    if (!transition.hasMatchingRules()) {
      return new Effect.DroppedSignal(
          targetComponent,
          targetMachine,
          transition.targetEvent(),
          "cross_component transition with targetEvent has no matchingRules: nothing sent");
    }
    List<Effect.ResolvedRule> rules = new ArrayList<>(transition.matchingRules().size());
    for (MatchingRule r : transition.matchingRules()) {
      rules.add(new Effect.ResolvedRule(r, Paths.get(mapped, r.eventProperty())));
    }
    Event signal =
        new Event(transition.targetEvent(), mapped, now, componentName, eventId, flow, null);
    return new Effect.SignalComponent(targetComponent, targetMachine, signal, rules);
  }

  /** Data handed to created or signalled instances: the instance data with the payload on top. */
  private static Map<String, Object> sourceData(Instance after, Event event) {
    Map<String, Object> source = new LinkedHashMap<>(after.data());
    source.putAll(event.payload());
    return source;
  }
}
