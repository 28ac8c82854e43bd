package dev.xcomponent.adapter.http.svg;

import dev.xcomponent.adapter.http.layout.Graph;
import dev.xcomponent.adapter.http.layout.LayeredLayout;
import dev.xcomponent.adapter.http.layout.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a graph of boxes and labelled arrows, lays it out and writes it as SVG. The callers say
 * what each node and edge means (classes, texts); this class owns sizes and geometry.
 */
final class Drawing {
  static final double NODE_HEIGHT = 34;
  static final double TWO_LINE_HEIGHT = 44;
  static final double START_SIZE = 14;
  static final double LINE_HEIGHT = 15;

  /**
   * A node.
   *
   * @param classes CSS classes besides {@code node}
   * @param title main text
   * @param subtitle smaller second line, or null
   * @param badge text of a badge on the top-right corner, or null
   * @param doubleBorder whether to draw an inner border (final and error states)
   * @param start whether this is the small filled circle of an initial arrow
   * @param dataName value of the {@code data-name} attribute, or null
   */
  record Node(
      String classes,
      String title,
      String subtitle,
      String badge,
      boolean doubleBorder,
      boolean start,
      String dataName) {}

  /** A line of an edge label with its CSS class. */
  record Line(String text, String cssClass) {}

  /**
   * An edge.
   *
   * @param from source id
   * @param to target id
   * @param classes CSS classes besides {@code edge}
   * @param marker id of its arrow marker
   * @param lines label lines, possibly none
   */
  record Edge(String from, String to, String classes, String marker, List<Line> lines) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  void node(String id, Node node) {
    nodes.put(id, node);
  }

  void edge(Edge edge) {
    edges.add(edge);
  }

  /** The SVG document, with {@code title} for assistive technology. */
  String render(String title, String root, String rootClass) {
    Graph graph = new Graph();
    nodes.forEach(
        (id, n) -> {
          double[] size = size(n);
          graph.node(id, size[0], size[1]);
        });
    for (Edge e : edges) {
      double w = 0;
      for (Line l : e.lines()) {
        w = Math.max(w, TextMetrics.width(l.text(), 11));
      }
      double h = e.lines().size() * LINE_HEIGHT;
      graph.edge(e.from(), e.to(), e.lines().isEmpty() ? 0 : w + 12, h == 0 ? 0 : h + 6);
    }
    Layout layout = LayeredLayout.layout(graph, root);
    SvgWriter w = new SvgWriter();
    w.open(
        "svg",
        "xmlns", "http://www.w3.org/2000/svg",
        "class", rootClass,
        "width", layout.width(),
        "height", layout.height(),
        "viewBox", "0 0 " + SvgWriter.num(layout.width()) + " " + SvgWriter.num(layout.height()),
        "role", "img",
        "aria-label", title);
    w.text("title", title);
    w.open("style").trusted(SvgStyle.CSS).close("style");
    SvgStyle.markers(w);
    w.empty("rect", "class", "bg", "x", "0", "y", "0", "width", "100%", "height", "100%", "rx", "6");
    if (nodes.isEmpty()) {
      w.text("text", "Nothing to draw", "class", "empty", "x", 16.0, "y", 30.0);
    }
    for (int i = 0; i < edges.size(); i++) {
      drawEdge(w, edges.get(i), layout.edges().get(i));
    }
    nodes.forEach((id, n) -> drawNode(w, n, layout.nodes().get(id)));
    return w.close("svg").toString();
  }

  static double[] size(Node n) {
    if (n.start()) {
      return new double[] {START_SIZE, START_SIZE};
    }
    double text = TextMetrics.width(n.title(), 13);
    if (n.subtitle() != null) {
      text = Math.max(text, TextMetrics.width(n.subtitle(), 10.5));
    }
    return new double[] {
      Math.max(84, text + 30), n.subtitle() == null ? NODE_HEIGHT : TWO_LINE_HEIGHT
    };
  }

  private static void drawEdge(SvgWriter w, Edge e, Layout.Route route) {
    w.open("g", "class", "edge " + e.classes());
    w.empty("path", "d", path(route), "marker-end", "url(#" + e.marker() + ")");
    Layout.Box label = route.label();
    if (label != null && !e.lines().isEmpty()) {
      w.open("g", "class", "label");
      w.empty("rect", "x", label.x(), "y", label.y(), "width", label.width(),
          "height", label.height(), "rx", "4");
      double y = label.y() + 3 + LINE_HEIGHT - 4;
      for (Line l : e.lines()) {
        w.text("text", l.text(), "class", l.cssClass(), "x", label.x() + label.width() / 2,
            "y", y, "text-anchor", "middle");
        y += LINE_HEIGHT;
      }
      w.close("g");
    }
    w.close("g");
  }

  private static void drawNode(SvgWriter w, Node n, Layout.Box b) {
    if (n.start()) {
      w.empty("circle", "class", "start", "cx", b.center().x(), "cy", b.center().y(),
          "r", START_SIZE / 2);
      return;
    }
    w.open("g", "class", "node " + n.classes(), "data-name", n.dataName());
    w.empty("rect", "class", "box", "x", b.x(), "y", b.y(), "width", b.width(),
        "height", b.height(), "rx", "8");
    if (n.doubleBorder()) {
      w.empty("rect", "class", "inner", "x", b.x() + 3, "y", b.y() + 3, "width", b.width() - 6,
          "height", b.height() - 6, "rx", "6");
    }
    double cx = b.center().x();
    if (n.subtitle() == null) {
      w.text("text", n.title(), "x", cx, "y", b.center().y() + 4.5, "text-anchor", "middle");
    } else {
      w.text("text", n.subtitle(), "class", "sub", "x", cx, "y", b.y() + 16,
          "text-anchor", "middle");
      w.text("text", n.title(), "x", cx, "y", b.y() + 33, "text-anchor", "middle");
    }
    w.close("g");
    if (n.badge() != null) {
      double bw = TextMetrics.width(n.badge(), 10.5) + 10;
      double bx = b.x() + b.width() - bw + 6;
      double by = b.y() - 9;
      w.open("g", "class", "badge");
      w.empty("rect", "x", bx, "y", by, "width", bw, "height", 17.0, "rx", "8.5");
      w.text("text", n.badge(), "x", bx + bw / 2, "y", by + 12.5, "text-anchor", "middle");
      w.close("g");
    }
  }

  /** A polyline with rounded bends, or the cubic curve of a self-loop. */
  static String path(Layout.Route r) {
    List<Layout.Point> p = r.points();
    StringBuilder d = new StringBuilder("M").append(pt(p.get(0)));
    if (r.selfLoop()) {
      return d.append(" C").append(pt(p.get(1))).append(' ').append(pt(p.get(2))).append(' ')
          .append(pt(p.get(3))).toString();
    }
    for (int i = 1; i + 1 < p.size(); i++) {
      Layout.Point a = p.get(i - 1);
      Layout.Point b = p.get(i);
      Layout.Point c = p.get(i + 1);
      double ab = Math.hypot(b.x() - a.x(), b.y() - a.y());
      double bc = Math.hypot(c.x() - b.x(), c.y() - b.y());
      double r0 = Math.min(10, Math.min(ab, bc) / 2);
      if (ab == 0 || bc == 0 || r0 < 0.5) {
        d.append(" L").append(pt(b));
        continue;
      }
      Layout.Point in = new Layout.Point(b.x() - (b.x() - a.x()) / ab * r0, b.y() - (b.y() - a.y()) / ab * r0);
      Layout.Point out = new Layout.Point(b.x() + (c.x() - b.x()) / bc * r0, b.y() + (c.y() - b.y()) / bc * r0);
      d.append(" L").append(pt(in)).append(" Q").append(pt(b)).append(' ').append(pt(out));
    }
    return d.append(" L").append(pt(p.get(p.size() - 1))).toString();
  }

  private static String pt(Layout.Point p) {
    return SvgWriter.num(p.x()) + "," + SvgWriter.num(p.y());
  }
}
