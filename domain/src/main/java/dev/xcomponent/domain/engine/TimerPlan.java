package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * Which timers a shell cancels and arms after a creation or a transition. Timers are identified by
 * the index of their transition, never by names.
 *
 * <p>Rules: at creation, every timeout and auto transition of the initial state is armed. Leaving a
 * state cancels all timers. A self-loop restarts its state's auto transitions and the timeout
 * transitions whose {@code resetOnTransition} is true (the default); the others keep running. A
 * terminal state arms nothing.
 *
 * @param cancelAll cancel every timer of the instance first
 * @param cancel timers to cancel (by transition)
 * @param arm timers to arm (by transition, with its delay)
 */
public record TimerPlan(boolean cancelAll, List<Transition> cancel, List<Transition> arm) {
  private static final TimerPlan NOTHING = new TimerPlan(false, List.of(), List.of());
  private static final TimerPlan CANCEL_ALL = new TimerPlan(true, List.of(), List.of());

  /** True when the plan changes nothing. */
  public boolean isEmpty() {
    return !cancelAll && cancel.isEmpty() && arm.isEmpty();
  }

  /** Timers to arm for a new instance in {@code state}. */
  public static TimerPlan atCreation(StateMachine machine, String state) {
    List<Transition> timed = machine.timedTransitions(state);
    return timed.isEmpty() ? NOTHING : new TimerPlan(false, List.of(), timed);
  }

  /** Timer changes after {@code fired} took the instance to {@code fired.to()}. */
  public static TimerPlan afterTransition(StateMachine machine, Transition fired, boolean terminal) {
    if (terminal) {
      return CANCEL_ALL;
    }
    List<Transition> timed = machine.timedTransitions(fired.to());
    if (!fired.isSelfLoop()) {
      return timed.isEmpty() ? CANCEL_ALL : new TimerPlan(true, List.of(), timed);
    }
    if (timed.isEmpty()) {
      return NOTHING;
    }
    List<Transition> restart = new ArrayList<>(timed.size());
    for (Transition t : timed) {
      if (t.type() == dev.xcomponent.domain.model.TransitionType.AUTO || t.resetOnTransition()) {
        restart.add(t);
      }
    }
    return restart.isEmpty() ? NOTHING : new TimerPlan(false, restart, restart);
  }
}
