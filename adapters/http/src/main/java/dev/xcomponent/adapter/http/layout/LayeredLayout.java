package dev.xcomponent.adapter.http.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Graph} out top to bottom in layers (see the package documentation for the steps).
 * Ordinary edges become polylines through their virtual vertices, clipped to the borders of their
 * end nodes, with the label box centred on the line; self-loops become arcs on the right of their
 * node with the label beside them, and the space they need is reserved.
 */
public final class LayeredLayout {
  /** Horizontal gap between two nodes of a rank. */
  public static final double NODE_GAP = 28;

  /** Horizontal gap next to an edge's virtual vertex or label. */
  public static final double VIRTUAL_GAP = 12;

  /** Vertical gap between ranks. */
  public static final double RANK_GAP = 12;

  /** Empty border around the drawing. */
  public static final double MARGIN = 16;

  /** How far a self-loop reaches right of its node. */
  public static final double LOOP_REACH = 26;

  private static final int SWEEPS = 8;
  private static final int PASSES = 12;

  private LayeredLayout() {}

  /** Lays {@code graph} out; {@code root} (nullable) is put in the first layer when possible. */
  public static Layout layout(Graph graph, String root) {
    Ranking ranking = new Ranking(graph, root == null || !graph.has(root) ? null : root);
    List<Graph.Edge> edges = graph.edges();
    Map<Integer, List<Integer>> loops = new LinkedHashMap<>();
    for (int e = 0; e < edges.size(); e++) {
      if (edges.get(e).selfLoop()) {
        int node = ranking.real.indexOf(findReal(ranking, graph, edges.get(e).from()));
        loops.computeIfAbsent(node, k -> new ArrayList<>()).add(e);
      }
    }
    loops.forEach(
        (node, list) -> {
          double widest = 0;
          double tall = 0;
          for (int e : list) {
            widest = Math.max(widest, edges.get(e).labelWidth());
            tall += edges.get(e).labelHeight();
          }
          Vertex v = ranking.real.get(node);
          v.right += reach(list.size()) + (widest > 0 ? 6 + widest : 0);
          v.span = Math.max(v.span, tall);
        });

    List<List<Vertex>> ranks = new ArrayList<>();
    for (int r = 0; r < ranking.rankCount; r++) {
      ranks.add(new ArrayList<>());
    }
    java.util.Set<Vertex> placed = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int u : ranking.topological) {
      Vertex v = ranking.real.get(u);
      if (placed.add(v)) {
        ranks.get(v.rank).add(v);
      }
      for (List<Vertex> chain : ranking.chains) {
        if (chain != null && chain.get(0) == v) {
          for (Vertex c : chain.subList(1, chain.size() - 1)) {
            if (placed.add(c)) {
              ranks.get(c.rank).add(c);
            }
          }
        }
      }
    }
    Ordering.apply(ranks, SWEEPS);
    double[] size = new Placement(NODE_GAP, VIRTUAL_GAP, RANK_GAP).apply(ranks, PASSES, MARGIN);

    Map<String, Layout.Box> boxes = new LinkedHashMap<>();
    List<Graph.Node> nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Vertex v = ranking.real.get(i);
      boxes.put(
          nodes.get(i).id(),
          new Layout.Box(v.x - v.width / 2, v.y - v.height / 2, v.width, v.height));
    }
    List<Layout.Route> routes = new ArrayList<>();
    for (int e = 0; e < edges.size(); e++) {
      Graph.Edge edge = edges.get(e);
      if (edge.selfLoop()) {
        List<Integer> list = loops.get(ranking.real.indexOf(findReal(ranking, graph, edge.from())));
        routes.add(loop(edge, boxes.get(edge.from()), list.indexOf(e), list, edges));
      } else {
        routes.add(route(edge, ranking.chains.get(e), ranking.labelAt[e], ranking.reversed[e]));
      }
    }
    return new Layout(size[0], size[1], boxes, routes);
  }

  private static Vertex findReal(Ranking ranking, Graph graph, String id) {
    List<Graph.Node> nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id().equals(id)) {
        return ranking.real.get(i);
      }
    }
    throw new IllegalStateException("unknown node " + id);
  }

  private static double reach(int loopsOnNode) {
    return LOOP_REACH + 12 * (loopsOnNode - 1);
  }

  private static Layout.Route route(Graph.Edge edge, List<Vertex> chain, int labelAt, boolean reversed) {
    List<Layout.Point> inner = new ArrayList<>();
    for (Vertex v : chain.subList(1, chain.size() - 1)) {
      inner.add(new Layout.Point(v.x, v.y));
    }
    Vertex first = chain.get(0);
    Vertex last = chain.get(chain.size() - 1);
    Layout.Point towardFirst = inner.isEmpty() ? new Layout.Point(last.x, last.y) : inner.get(0);
    Layout.Point towardLast =
        inner.isEmpty() ? new Layout.Point(first.x, first.y) : inner.get(inner.size() - 1);
    List<Layout.Point> points = new ArrayList<>();
    points.add(clip(first, towardFirst));
    points.addAll(inner);
    points.add(clip(last, towardLast));
    if (reversed) {
      Collections.reverse(points);
    }
    Layout.Box label = null;
    if (labelAt > 0) {
      Vertex l = chain.get(labelAt);
      label = new Layout.Box(l.x - l.width / 2, l.y - l.height / 2, l.width, l.height);
    }
    return new Layout.Route(edge.from(), edge.to(), points, label, false);
  }

  private static Layout.Route loop(
      Graph.Edge edge, Layout.Box box, int k, List<Integer> all, List<Graph.Edge> edges) {
    double right = box.x() + box.width();
    double cy = box.y() + box.height() / 2;
    double reach = reach(k + 1);
    double spread = box.height() * (0.3 + 0.1 * k);
    List<Layout.Point> points =
        List.of(
            new Layout.Point(right, cy - box.height() / 4),
            new Layout.Point(right + reach * 1.3, cy - spread - box.height() / 2),
            new Layout.Point(right + reach * 1.3, cy + spread + box.height() / 2),
            new Layout.Point(right, cy + box.height() / 4));
    Layout.Box label = null;
    if (edge.labelled()) {
      double total = 0;
      double before = 0;
      for (int i = 0; i < all.size(); i++) {
        double h = edges.get(all.get(i)).labelHeight();
        if (i < k) {
          before += h;
        }
        total += h;
      }
      label =
          new Layout.Box(
              right + reach(all.size()) + 6,
              cy - total / 2 + before,
              edge.labelWidth(),
              edge.labelHeight());
    }
    return new Layout.Route(edge.from(), edge.to(), points, label, true);
  }

  /** Where the segment from the centre of {@code v} towards {@code p} leaves its box. */
  private static Layout.Point clip(Vertex v, Layout.Point p) {
    double dx = p.x() - v.x;
    double dy = p.y() - v.y;
    if (dx == 0 && dy == 0) {
      return new Layout.Point(v.x, v.y);
    }
    double tx = dx == 0 ? Double.MAX_VALUE : (v.width / 2) / Math.abs(dx);
    double ty = dy == 0 ? Double.MAX_VALUE : (v.height / 2) / Math.abs(dy);
    double t = Math.min(tx, ty);
    return new Layout.Point(v.x + dx * t, v.y + dy * t);
  }
}
