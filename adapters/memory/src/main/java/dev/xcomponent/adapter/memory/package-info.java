/**
 * In-process adapters for the default, zero-dependency mode: a {@link
 * dev.xcomponent.port.MessageBroker} that hands messages between the runtimes and dashboards of one
 * JVM through Vert.x contexts. Depends only on the ports, the domain's value helpers, Vert.x core
 * and SLF4J; never on another adapter.
 */
package dev.xcomponent.adapter.memory;
