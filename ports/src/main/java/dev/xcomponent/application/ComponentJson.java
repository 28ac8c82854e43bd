package dev.xcomponent.application;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.ContextField;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the component model as JSON, with the keys of the YAML file ({@code stateMachines}, {@code
 * initialState}, {@code matchingRules}, ...) and enums in their YAML spelling ({@code final},
 * {@code inter_machine}, {@code ===}). {@link dev.xcomponent.domain.validation.ComponentReader} reads
 * the full form back into the same component, which is how a runtime announces its component to a
 * dashboard over the broker.
 *
 * <p>The full form ({@link #component}) leaves out absent optional values (nulls, empty rule lists,
 * empty metadata) as the YAML would; the summary form ({@link #summary}) always has the same keys.
 */
public final class ComponentJson {
  private ComponentJson() {}

  /** Every field of {@code component}. */
  public static JsonObject component(Component component) {
    JsonObject o = new JsonObject().put("name", component.name());
    putIfPresent(o, "version", component.version());
    putIfPresent(o, "description", component.description());
    o.put("stateMachines", array(component.stateMachines(), ComponentJson::machine));
    putIfPresent(o, "entryMachine", component.entryMachine());
    o.put("entryMachineMode", lower(component.entryMachineMode()));
    putIfPresent(o, "autoCreateEntryPoint", component.autoCreateEntryPoint());
    o.put("hookErrorPolicy", lower(component.hookErrorPolicy()));
    putIfPresent(o, "hookTimeoutMs", component.hookTimeoutMs());
    putIfNotEmpty(o, "layout", component.layout());
    putIfNotEmpty(o, "metadata", component.metadata());
    return o;
  }

  /** Every field of {@code machine}. */
  public static JsonObject machine(StateMachine machine) {
    JsonObject o =
        new JsonObject()
            .put("name", machine.name())
            .put("initialState", machine.initialState())
            .put("states", array(machine.states(), ComponentJson::state))
            .put("transitions", array(machine.transitions(), ComponentJson::transition));
    putIfPresent(o, "publicMemberType", machine.publicMemberType());
    ParentLink link = machine.parentLink();
    if (link.enabled() || link.onStateChange() != null) {
      JsonObject l = new JsonObject().put("enabled", link.enabled());
      putIfPresent(l, "onStateChange", link.onStateChange());
      o.put("parentLink", l);
    }
    if (!machine.contextSchema().isEmpty()) {
      o.put("contextSchema", contextSchema(machine.contextSchema()));
    }
    putIfPresent(o, "description", machine.description());
    putIfNotEmpty(o, "metadata", machine.metadata());
    return o;
  }

  /** Every field of {@code state}. */
  public static JsonObject state(State state) {
    JsonObject o = new JsonObject().put("name", state.name()).put("type", state.type().yamlName());
    putIfPresent(o, "onEntry", state.onEntry());
    putIfPresent(o, "onExit", state.onExit());
    if (!state.cascadingRules().isEmpty()) {
      o.put("cascadingRules", array(state.cascadingRules(), ComponentJson::cascadingRule));
    }
    putIfPresent(o, "description", state.description());
    putIfNotEmpty(o, "metadata", state.metadata());
    return o;
  }

  /** Every field of {@code transition} (its list position is not a YAML field and is left out). */
  public static JsonObject transition(Transition t) {
    JsonObject o =
        new JsonObject()
            .put("from", t.from())
            .put("to", t.to())
            .put("event", t.event())
            .put("type", t.type().yamlName());
    putIfPresent(o, "timeoutMs", t.timeoutMs());
    o.put("resetOnTransition", t.resetOnTransition());
    putIfPresent(o, "targetMachine", t.targetMachine());
    putIfPresent(o, "targetComponent", t.targetComponent());
    putIfPresent(o, "targetEvent", t.targetEvent());
    putIfPresent(o, "targetState", t.targetState());
    if (t.contextMapping() != null) {
      o.put("contextMapping", new JsonObject(new java.util.LinkedHashMap<String, Object>(t.contextMapping())));
    }
    putIfPresent(o, "triggeredMethod", t.triggeredMethod());
    if (t.hasMatchingRules()) {
      o.put("matchingRules", array(t.matchingRules(), ComponentJson::matchingRule));
    }
    NotifyParent n = t.notifyParent();
    if (n != null) {
      o.put(
          "notifyParent",
          new JsonObject()
              .put("event", n.event())
              .put("includeState", n.includeState())
              .put("includeContext", n.includeContext()));
    }
    putIfPresent(o, "description", t.description());
    putIfNotEmpty(o, "metadata", t.metadata());
    return o;
  }

  /** A matching rule: {@code eventProperty}, {@code instanceProperty}, {@code operator}. */
  public static JsonObject matchingRule(MatchingRule rule) {
    return new JsonObject()
        .put("eventProperty", rule.eventProperty())
        .put("instanceProperty", rule.instanceProperty())
        .put("operator", rule.operator().symbol());
  }

  /** Every field of a cascading rule. */
  public static JsonObject cascadingRule(CascadingRule rule) {
    JsonObject o = new JsonObject();
    putIfPresent(o, "targetComponent", rule.targetComponent());
    o.put("targetMachine", rule.targetMachine());
    putIfPresent(o, "targetState", rule.targetState());
    o.put("event", rule.event());
    if (!rule.matchingRules().isEmpty()) {
      o.put("matchingRules", array(rule.matchingRules(), ComponentJson::matchingRule));
    }
    putIfNotEmpty(o, "payload", rule.payload());
    return o;
  }

  /** A machine's {@code contextSchema}: field name to field description, in file order. */
  public static JsonObject contextSchema(Map<String, ContextField> schema) {
    JsonObject o = new JsonObject();
    schema.forEach((name, field) -> o.put(name, contextField(field)));
    return o;
  }

  /** One field of a {@code contextSchema}. */
  public static JsonObject contextField(ContextField f) {
    JsonObject o = new JsonObject();
    putIfPresent(o, "type", f.type());
    putIfPresent(o, "label", f.label());
    o.put("required", f.required());
    putIfPresent(o, "placeholder", f.placeholder());
    putIfPresent(o, "description", f.description());
    if (!f.options().isEmpty()) {
      o.put("options", new JsonArray(f.options()));
    }
    putIfPresent(o, "min", f.min());
    putIfPresent(o, "max", f.max());
    return o;
  }

  /**
   * The listing form of a component: name, version, entry machine and mode, and per machine its
   * name, initial state, states ({@code name}, {@code type}), transitions, context schema and
   * public member type. Missing values are JSON nulls, so every entry has the same keys.
   */
  public static JsonObject summary(Component component) {
    return new JsonObject()
        .put("name", component.name())
        .put("version", component.version())
        .put("entryMachine", component.entryMachine())
        .put("entryMachineMode", lower(component.entryMachineMode()))
        .put("stateMachines", array(component.stateMachines(), ComponentJson::machineSummary));
  }

  private static JsonObject machineSummary(StateMachine m) {
    return new JsonObject()
        .put("name", m.name())
        .put("initialState", m.initialState())
        .put(
            "states",
            array(
                m.states(),
                s -> new JsonObject().put("name", s.name()).put("type", s.type().yamlName())))
        .put("transitions", array(m.transitions(), ComponentJson::transition))
        .put("contextSchema", contextSchema(m.contextSchema()))
        .put("publicMemberType", m.publicMemberType());
  }

  private static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> mapper) {
    JsonArray a = new JsonArray();
    items.forEach(i -> a.add(mapper.apply(i)));
    return a;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static void putIfPresent(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void putIfNotEmpty(JsonObject o, String key, Map<String, Object> map) {
    if (map != null && !map.isEmpty()) {
      o.put(key, new JsonObject(map));
    }
  }
}
