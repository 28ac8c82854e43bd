/**
 * The HTTP edge of the hexagon: a Vert.x Web router that serves the REST API, {@code /health} and
 * the static dashboard on top of the driving port {@link dev.xcomponent.port.ComponentRegistry}.
 *
 * <p>May import the ports, the domain model and Vert.x; never another adapter. Every answer is
 * JSON, and every error carries a stable {@code code} and never a stack trace.
 */
package dev.xcomponent.adapter.http;
