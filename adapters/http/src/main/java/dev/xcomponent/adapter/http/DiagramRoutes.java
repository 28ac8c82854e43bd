package dev.xcomponent.adapter.http;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mermaid diagrams of machines, addressed by component and machine, or by machine name alone (first
 * component that has it, or the one named by {@code ?component=}). Both take {@code ?currentState=}
 * to highlight a state.
 */
final class DiagramRoutes {
  private final ComponentRegistry registry;

  DiagramRoutes(ComponentRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/api/components/:component/diagrams/:machine").handler(this::byComponent);
    router.get("/api/machines/:machine/diagram").handler(this::byMachine);
  }

  private void byComponent(RoutingContext ctx) {
    String name = Requests.path(ctx, "component");
    String machineName = Requests.path(ctx, "machine");
    Component component =
        registry.component(name).orElseThrow(() -> RuntimeFailure.componentNotFound(name));
    StateMachine machine = component.machine(machineName);
    if (machine == null) {
      throw RuntimeFailure.machineNotFound(machineName);
    }
    Replies.ok(ctx, diagram(machine, Requests.query(ctx, "currentState")));
  }

  private void byMachine(RoutingContext ctx) {
    String machineName = Requests.path(ctx, "machine");
    String only = Requests.query(ctx, "component");
    StateMachine machine = null;
    for (Component c : registry.components()) {
      if (only == null || only.equals(c.name())) {
        machine = c.machine(machineName);
        if (machine != null) {
          break;
        }
      }
    }
    if (machine == null) {
      throw RuntimeFailure.machineNotFound(machineName);
    }
    Replies.ok(ctx, diagram(machine, Requests.query(ctx, "currentState")));
  }

  /** {@code {diagram, machineName, currentState, terminalStates, transitions}}. */
  static JsonObject diagram(StateMachine machine, String currentState) {
    JsonArray transitions = new JsonArray();
    for (MermaidDiagram.TransitionInfo t : MermaidDiagram.transitions(machine)) {
      transitions.add(
          new JsonObject()
              .put("index", t.index())
              .put("from", t.from())
              .put("to", t.to())
              .put("event", t.event())
              .put("type", t.type())
              .put("targetMachine", t.targetMachine())
              .put("targetComponent", t.targetComponent()));
    }
    return new JsonObject()
        .put("diagram", MermaidDiagram.render(machine, currentState))
        .put("machineName", machine.name())
        .put("currentState", currentState)
        .put("terminalStates", new JsonArray(MermaidDiagram.terminalStates(machine)))
        .put("transitions", transitions);
  }
}
