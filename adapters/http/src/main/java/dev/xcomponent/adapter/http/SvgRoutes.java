package dev.xcomponent.adapter.http;

import dev.xcomponent.adapter.http.svg.LinksSvg;
import dev.xcomponent.adapter.http.svg.MachineSvg;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.PendingTimeout;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * SVG drawings for the dashboard: {@code GET /api/components/:c/machines/:m/diagram.svg} (query
 * {@code currentState} and/or {@code instanceId}: the instance's state and pending timers are
 * drawn, an explicit {@code currentState} wins) and {@code GET /api/components/:c/links.svg}.
 * Answers {@code image/svg+xml}, not cached, with a policy that forbids scripts should the drawing
 * be opened on its own.
 */
final class SvgRoutes {
  /** The policy of SVG answers: no script, the embedded style allowed. */
  static final String SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

  private final ComponentRegistry registry;

  SvgRoutes(ComponentRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/api/components/:component/machines/:machine/diagram.svg").handler(this::machine);
    router.get("/api/components/:component/links.svg").handler(this::links);
  }

  private void machine(RoutingContext ctx) {
    Component component = component(Requests.path(ctx, "component"));
    String machineName = Requests.path(ctx, "machine");
    StateMachine machine = component.machine(machineName);
    if (machine == null) {
      throw RuntimeFailure.machineNotFound(machineName);
    }
    String state = Requests.query(ctx, "currentState");
    String instanceId = Requests.query(ctx, "instanceId");
    List<PendingTimeout> timeouts = List.of();
    if (instanceId != null) {
      InstanceView view =
          registry
              .findInstance(instanceId)
              .orElseThrow(() -> RuntimeFailure.instanceNotFound(instanceId));
      if (!view.componentName().equals(component.name())
          || !view.machineName().equals(machine.name())) {
        throw ApiException.invalid(
            "Instance " + instanceId + " is not a " + machine.name() + " of " + component.name());
      }
      if (state == null || state.equals(view.currentState())) {
        state = view.currentState();
        timeouts = view.finished() ? List.of() : view.pendingTimeouts();
      }
    }
    svg(ctx, MachineSvg.render(machine, state, timeouts));
  }

  private void links(RoutingContext ctx) {
    Component component = component(Requests.path(ctx, "component"));
    svg(ctx, LinksSvg.render(component, registry.components()));
  }

  private Component component(String name) {
    return registry.component(name).orElseThrow(() -> RuntimeFailure.componentNotFound(name));
  }

  private static void svg(RoutingContext ctx, String body) {
    ctx.response()
        .putHeader("Content-Type", "image/svg+xml; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", SVG_CSP)
        .end(body);
  }
}
