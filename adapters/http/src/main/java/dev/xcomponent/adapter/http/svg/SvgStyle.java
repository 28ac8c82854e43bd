package dev.xcomponent.adapter.http.svg;

/**
 * The look of the drawings (dark theme, matching the dashboard), embedded in each SVG so that it
 * renders the same as an image, opened alone or downloaded.
 */
final class SvgStyle {
  private SvgStyle() {}

  static final String FONT = "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, sans-serif";

  static final String CSS =
      String.join(
          "\n",
          "svg{font-family:" + FONT + "}",
          ".bg{fill:#0f1623}",
          ".node rect.box{fill:#1b2433;stroke:#4b5a70;stroke-width:1.4}",
          ".node text{fill:#e6edf6;font-size:13px;font-weight:600}",
          ".node text.sub{fill:#94a3b8;font-size:10.5px;font-weight:500}",
          ".node.entry rect.box{stroke:#e0b341;stroke-width:2}",
          ".node.final rect.box{fill:#132a1f;stroke:#3fb97a}",
          ".node.error rect.box{fill:#2d1519;stroke:#e5534b}",
          ".node rect.inner{fill:none;stroke-width:1}",
          ".node.final rect.inner{stroke:#3fb97a}",
          ".node.error rect.inner{stroke:#e5534b}",
          ".node.current rect.box{fill:#1f6feb;stroke:#a5c8ff;stroke-width:2.6}",
          ".node.current text{fill:#ffffff}",
          ".node.unreachable{opacity:.38}",
          ".node.external rect.box{fill:#161b26;stroke:#8b7bd8;stroke-dasharray:5 4}",
          ".node.machine.entry text.star{fill:#e0b341}",
          ".start{fill:#cbd5e1}",
          ".edge path{fill:none;stroke:#6b7a90;stroke-width:1.5}",
          ".edge.t-cross path{stroke:#a78bfa;stroke-dasharray:6 4}",
          ".edge.t-inter path{stroke:#34d399;stroke-dasharray:2 3}",
          ".edge.t-timed path{stroke:#f0a030;stroke-dasharray:4 3}",
          ".edge.available path{stroke:#58a6ff;stroke-width:2.2}",
          ".edge.unreachable{opacity:.38}",
          ".label rect{fill:#0f1623;stroke:#2c3748;stroke-width:1}",
          ".label text{fill:#c9d4e3;font-size:11px;font-weight:500}",
          ".label text.t-cross{fill:#c4b5fd}",
          ".label text.t-inter{fill:#6ee7b7}",
          ".label text.t-timed{fill:#f8c06b}",
          ".badge rect{fill:#f0a030}",
          ".badge text{fill:#1a1204;font-size:10.5px;font-weight:700}",
          ".empty{fill:#94a3b8;font-size:13px}");

  /** Arrow markers, one per edge colour. */
  static void markers(SvgWriter w) {
    w.open("defs");
    marker(w, "arrow", "#6b7a90");
    marker(w, "arrow-cross", "#a78bfa");
    marker(w, "arrow-inter", "#34d399");
    marker(w, "arrow-timed", "#f0a030");
    marker(w, "arrow-available", "#58a6ff");
    w.close("defs");
  }

  private static void marker(SvgWriter w, String id, String color) {
    w.open(
            "marker",
            "id", id,
            "viewBox", "0 0 10 10",
            "refX", "9",
            "refY", "5",
            "markerUnits", "userSpaceOnUse",
            "markerWidth", "9",
            "markerHeight", "9",
            "orient", "auto-start-reverse")
        .empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", color)
        .close("marker");
  }
}
