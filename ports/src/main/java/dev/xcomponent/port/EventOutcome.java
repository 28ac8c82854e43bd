package dev.xcomponent.port;

/**
 * The result of sending an event to an instance, known once it was processed.
 *
 * @param transitioned true when a transition fired, false when the event was ignored
 * @param previousState state before
 * @param currentState state after
 * @param instance the instance after processing
 * @param reason why the event was ignored, or null
 */
public record EventOutcome(
    boolean transitioned,
    String previousState,
    String currentState,
    InstanceView instance,
    String reason) {
  /** {@code transitioned} or {@code ignored}. */
  public String outcome() {
    return transitioned ? "transitioned" : "ignored";
  }
}
