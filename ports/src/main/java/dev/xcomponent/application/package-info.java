/**
 * The application core: runs components in this process by driving the pure domain through the
 * ports. One {@link dev.xcomponent.application.ComponentRuntime} per component; its instances are
 * partitioned over event-loop contexts, each instance owned by one partition and processed one
 * event at a time. Depends on the domain, the ports and {@code io.vertx.core}.
 */
package dev.xcomponent.application;
