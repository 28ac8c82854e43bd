package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.Transition;
import java.util.List;

/**
 * The result of an accepted transition: the event to record, the instance after it, the timer
 * changes and the effects to carry out once the event is recorded.
 *
 * @param before instance before the transition
 * @param after instance after the transition
 * @param transition the fired transition
 * @param recorded the event to record
 * @param timers timer changes
 * @param effects effects in the order they are carried out
 */
public record Transitioned(
    Instance before,
    Instance after,
    Transition transition,
    TransitionRecorded recorded,
    TimerPlan timers,
    List<Effect> effects) {

  /** True when the instance reached a final or error state. */
  public boolean finished() {
    return !after.isActive();
  }
}
