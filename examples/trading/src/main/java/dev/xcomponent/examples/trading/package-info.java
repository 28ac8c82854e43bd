/**
 * Business code of the Trading example, shipped as a plugin jar: the risk check that accepts or
 * rejects a new order and derives the field its side routes on, the fill and amendment hooks, and
 * entry hooks that log each step. Depends only on the ports (provided by the runtime).
 */
package dev.xcomponent.examples.trading;
