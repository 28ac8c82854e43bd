/**
 * Server-side SVG drawings for the dashboard: one state machine (current state, unreachable states,
 * entry/final/error states, pending-timeout badges) and the links between the machines of a
 * component and other components. Layout comes from {@link dev.xcomponent.adapter.http.layout};
 * every piece of text is XML-escaped, and the drawings carry no script.
 */
package dev.xcomponent.adapter.http.svg;
