package dev.xcomponent.adapter.http.svg;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws how the machines of a component are linked: one box per machine (the entry machine starred),
 * a green dotted arrow per inter-machine link, and a purple dashed arrow to (or from) a dashed box
 * for each machine of another component that a cross-component transition targets (or that
 * targets this component, when the other component is known). Arrows between the same two boxes
 * are merged and their events stacked.
 */
public final class LinksSvg {
  private LinksSvg() {}

  /** The SVG of {@code component}'s links; {@code known} are every component served. */
  public static String render(Component component, List<Component> known) {
    Drawing d = new Drawing();
    String entry = component.entryMachine();
    for (StateMachine m : component.stateMachines()) {
      boolean isEntry = m.name().equals(entry);
      d.node(
          local(m.name()),
          new Drawing.Node(
              "machine" + (isEntry ? " entry" : ""),
              (isEntry ? "★ " : "") + m.name(),
              isEntry ? "entry machine" : "machine",
              null,
              false,
              false,
              m.name()));
    }
    Map<List<String>, List<Drawing.Line>> edges = new LinkedHashMap<>();
    Map<List<String>, String> kinds = new LinkedHashMap<>();
    for (StateMachine m : component.stateMachines()) {
      for (Transition t : m.transitions()) {
        if (t.type() == TransitionType.INTER_MACHINE && t.targetMachine() != null) {
          if (component.machine(t.targetMachine()) == null) {
            continue;
          }
          add(edges, kinds, local(m.name()), local(t.targetMachine()), "t-inter", t.event());
        } else if (t.type() == TransitionType.CROSS_COMPONENT && t.targetComponent() != null) {
          String target = t.targetComponent();
          String machine = t.targetMachine() == null ? "" : t.targetMachine();
          String id = external(d, target, machine);
          String text = t.event() + (t.targetEvent() == null ? "" : " → " + t.targetEvent());
          add(edges, kinds, local(m.name()), id, "t-cross", text);
        }
      }
    }
    for (Component other : known) {
      if (other.name().equals(component.name())) {
        continue;
      }
      for (StateMachine m : other.stateMachines()) {
        for (Transition t : m.transitions()) {
          if (t.type() == TransitionType.CROSS_COMPONENT
              && component.name().equals(t.targetComponent())) {
            String target =
                t.targetMachine() != null && component.machine(t.targetMachine()) != null
                    ? t.targetMachine()
                    : entry;
            if (target == null || component.machine(target) == null) {
              continue;
            }
            String id = external(d, other.name(), m.name());
            String text = t.event() + (t.targetEvent() == null ? "" : " → " + t.targetEvent());
            add(edges, kinds, id, local(target), "t-cross", text);
          }
        }
      }
    }
    edges.forEach(
        (ends, lines) -> {
          String kind = kinds.get(ends);
          String marker = "t-inter".equals(kind) ? "arrow-inter" : "arrow-cross";
          d.edge(new Drawing.Edge(ends.get(0), ends.get(1), kind, marker, lines));
        });
    return d.render(
        "Links of component " + component.name(),
        entry == null ? null : local(entry),
        "xc-links");
  }

  private static String local(String machine) {
    return "m:" + machine;
  }

  private static String external(Drawing d, String component, String machine) {
    String id = "x:" + component.length() + ":" + component + "/" + machine;
    d.node(
        id,
        new Drawing.Node(
            "external", machine.isEmpty() ? component : machine, component, null, false, false,
            component + "/" + machine));
    return id;
  }

  private static void add(
      Map<List<String>, List<Drawing.Line>> edges,
      Map<List<String>, String> kinds,
      String from,
      String to,
      String kind,
      String text) {
    List<String> key = List.of(from, to);
    List<Drawing.Line> lines = edges.computeIfAbsent(key, k -> new ArrayList<>());
    kinds.putIfAbsent(key, kind);
    for (Drawing.Line l : lines) {
      if (l.text().equals(text)) {
        return;
      }
    }
    lines.add(new Drawing.Line(text, kind));
  }
}
