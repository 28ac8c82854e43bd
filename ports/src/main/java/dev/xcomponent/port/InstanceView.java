package dev.xcomponent.port;

import java.util.List;
import java.util.Map;

/**
 * What callers see of an instance.
 *
 * @param id instance id
 * @param componentName owning component
 * @param machineName machine
 * @param currentState current state
 * @param status {@code active}, {@code completed} or {@code error}
 * @param data the instance data (the public member when the machine has one)
 * @param publicMember the public member, or null
 * @param context the raw context (for public-member machines, merged payload keys only)
 * @param pendingTimeouts armed timers
 * @param createdAt creation time (epoch ms)
 * @param updatedAt last change (epoch ms)
 * @param parentInstanceId parent, or null
 * @param parentMachineName parent's machine, or null
 * @param entryPoint whether it is the component's entry point
 * @param finished whether it reached a final or error state (kept for a bounded retention)
 */
public record InstanceView(
    String id,
    String componentName,
    String machineName,
    String currentState,
    String status,
    Map<String, Object> data,
    Map<String, Object> publicMember,
    Map<String, Object> context,
    List<PendingTimeout> pendingTimeouts,
    long createdAt,
    long updatedAt,
    String parentInstanceId,
    String parentMachineName,
    boolean entryPoint,
    boolean finished) {}
