package dev.xcomponent.domain.model;

/**
 * How a component's entry machine is instantiated. {@code SINGLETON} (the default) keeps one entry
 * instance and auto-creates it; {@code MULTIPLE} allows any number and auto-creates none unless
 * {@code autoCreateEntryPoint} says so.
 */
public enum EntryMachineMode {
  SINGLETON,
  MULTIPLE
}
