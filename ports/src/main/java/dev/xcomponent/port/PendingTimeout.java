package dev.xcomponent.port;

/**
 * A timer armed for an instance.
 *
 * @param event event the timer fires
 * @param targetState state the timed transition leads to
 * @param totalMs the transition's delay
 * @param remainingMs time left before it fires (0 when due)
 * @param type {@code timeout} or {@code auto}
 */
public record PendingTimeout(String event, String targetState, long totalMs, long remainingMs, String type) {}
