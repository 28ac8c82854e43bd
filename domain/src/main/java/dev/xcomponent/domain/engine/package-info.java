/**
 * The state-machine engine as a pure functional core: selecting the transition an event fires,
 * computing the data and the recorded event of a transition, the effects it asks the shell to carry
 * out, and applying recorded events to instances (replay is a fold of {@link
 * dev.xcomponent.domain.engine.Evolver#apply}). No clock, randomness or I/O: time and ids come in
 * as parameters.
 */
package dev.xcomponent.domain.engine;
