/**
 * The ports of the hexagon: the driving port {@link dev.xcomponent.port.ComponentRegistry} used by
 * the HTTP API and the command line, the driven ports (message broker), the business-code SPI
 * (handlers, sender) and the value types they exchange. Depends on the domain and on {@code
 * io.vertx.core.Future} only.
 */
package dev.xcomponent.port;
