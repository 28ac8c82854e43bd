package dev.xcomponent.port;

/**
 * A component runtime known to this process.
 *
 * @param runtimeId unique id per runtime start
 * @param componentName component served
 * @param host host name announced
 * @param port HTTP port announced (0 when none)
 * @param lastSeen epoch ms of the last sign of life
 */
public record RuntimeInfo(String runtimeId, String componentName, String host, int port, long lastSeen) {}
