/**
 * The composition root: the {@code xcomponent} command line ({@code validate}, {@code simulate},
 * {@code run}, {@code serve}), its configuration, plugin loading and the wiring of adapters into
 * runtimes. It may depend on every module; nothing depends on it.
 */
package dev.xcomponent.app;
