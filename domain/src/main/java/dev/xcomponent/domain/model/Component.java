package dev.xcomponent.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A component: one YAML file holding several state machines, the unit of deployment and of
 * cross-component messaging.
 *
 * <p>Entry-point rules: {@code entryMachineMode} defaults to singleton; {@code
 * autoCreateEntryPoint} defaults to true for singleton and false for multiple.
 */
public final class Component {
  private final String name;
  private final String version;
  private final String description;
  private final List<StateMachine> stateMachines;
  private final String entryMachine;
  private final EntryMachineMode entryMachineMode;
  private final Boolean autoCreateEntryPoint;
  private final HookErrorPolicy hookErrorPolicy;
  private final Long hookTimeoutMs;
  private final Map<String, Object> layout;
  private final Map<String, Object> metadata;
  private final Map<String, StateMachine> machinesByName;

  /** Builds a component; when two machines share a name the first wins. */
  public Component(
      String name,
      String version,
      String description,
      List<StateMachine> stateMachines,
      String entryMachine,
      EntryMachineMode entryMachineMode,
      Boolean autoCreateEntryPoint,
      HookErrorPolicy hookErrorPolicy,
      Long hookTimeoutMs,
      Map<String, Object> layout,
      Map<String, Object> metadata) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = version;
    this.description = description;
    this.stateMachines = List.copyOf(stateMachines);
    this.entryMachine = entryMachine;
    this.entryMachineMode = entryMachineMode == null ? EntryMachineMode.SINGLETON : entryMachineMode;
    this.autoCreateEntryPoint = autoCreateEntryPoint;
    this.hookErrorPolicy = hookErrorPolicy == null ? HookErrorPolicy.CONTINUE : hookErrorPolicy;
    this.hookTimeoutMs = hookTimeoutMs;
    this.layout = Values.freeze(layout);
    this.metadata = Values.freeze(metadata);
    Map<String, StateMachine> byName = new LinkedHashMap<>();
    for (StateMachine m : this.stateMachines) {
      byName.putIfAbsent(m.name(), m);
    }
    this.machinesByName = Collections.unmodifiableMap(byName);
  }

  public String name() {
    return name;
  }

  /** The version label, or null when the file gives none. */
  public String version() {
    return version;
  }

  public String description() {
    return description;
  }

  public List<StateMachine> stateMachines() {
    return stateMachines;
  }

  /** The entry machine name, or null. */
  public String entryMachine() {
    return entryMachine;
  }

  public EntryMachineMode entryMachineMode() {
    return entryMachineMode;
  }

  /** The value given in the file, or null when absent (see {@link #autoCreatesEntryPoint()}). */
  public Boolean autoCreateEntryPoint() {
    return autoCreateEntryPoint;
  }

  /** Whether the runtime creates the entry-point instance at start: the rule of SPEC i.13. */
  public boolean autoCreatesEntryPoint() {
    if (entryMachine == null) {
      return false;
    }
    return autoCreateEntryPoint != null
        ? autoCreateEntryPoint
        : entryMachineMode == EntryMachineMode.SINGLETON;
  }

  public HookErrorPolicy hookErrorPolicy() {
    return hookErrorPolicy;
  }

  /** Time allowed to each user hook, or null for the runtime default. */
  public Long hookTimeoutMs() {
    return hookTimeoutMs;
  }

  public Map<String, Object> layout() {
    return layout;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  /** The machine with this name, or null. */
  public StateMachine machine(String machineName) {
    return machinesByName.get(machineName);
  }

  @Override
  public String toString() {
    return "Component[" + name + "]";
  }
}
