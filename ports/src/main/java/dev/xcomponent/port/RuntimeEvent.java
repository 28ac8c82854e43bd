package dev.xcomponent.port;

import java.util.Map;

/**
 * A notification of what a runtime did ({@code state_change}, {@code instance_created}, …), each
 * emitted once.
 *
 * @param type event name of SPEC §b.8
 * @param componentName emitting component
 * @param payload event data
 * @param timestamp epoch ms
 */
public record RuntimeEvent(String type, String componentName, Map<String, Object> payload, long timestamp) {}
