package dev.xcomponent.port;

/**
 * A transition that leaves an instance's current state.
 *
 * @param index transition index in the machine
 * @param event triggering event
 * @param from source state
 * @param to target state
 * @param type transition type (YAML spelling)
 * @param targetMachine target machine, or null
 * @param targetComponent target component, or null
 * @param hasMatchingRules whether routing rules apply
 */
public record AvailableTransition(
    int index,
    String event,
    String from,
    String to,
    String type,
    String targetMachine,
    String targetComponent,
    boolean hasMatchingRules) {}
