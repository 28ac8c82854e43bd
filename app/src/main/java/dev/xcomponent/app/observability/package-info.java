/**
 * Observability of the served processes: the Prometheus metrics of {@code GET /metrics} (runtime
 * events, live instances, event store and broker latency, messaging backlog) and the JSON log
 * format. Part of the composition root: it decorates the ports the app opens and listens to the
 * registry; nothing outside {@code dev.xcomponent.app} depends on it.
 */
package dev.xcomponent.app.observability;
