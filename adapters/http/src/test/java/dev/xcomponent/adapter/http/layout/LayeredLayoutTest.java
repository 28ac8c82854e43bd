package dev.xcomponent.adapter.http.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
  private static Graph chainWithBranches() {
    return new Graph()
        .node("A", 80, 34)
        .node("B", 120, 34)
        .node("C", 90, 34)
        .node("D", 60, 34)
        .node("E", 100, 34)
        .edge("A", "B", 40, 20)
        .edge("B", "C", 50, 20)
        .edge("B", "D", 30, 20)
        .edge("C", "E", 0, 0)
        .edge("D", "E", 70, 35)
        .edge("E", "A", 40, 20)
        .edge("C", "C", 60, 20);
  }

  /** Random graphs with cycles, parallel edges and self-loops, reproducible by seed. */
  private static Graph random(long seed) {
    Random r = new Random(seed);
    Graph g = new Graph();
    int n = 3 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      g.node("n" + i, 60 + r.nextInt(100), 34);
    }
    int e = n + r.nextInt(2 * n);
    for (int i = 0; i < e; i++) {
      g.edge("n" + r.nextInt(n), "n" + r.nextInt(n), 20 + r.nextInt(80), r.nextBoolean() ? 21 : 36);
    }
    return g;
  }

  private static List<Graph> samples() {
    List<Graph> graphs = new ArrayList<>();
    graphs.add(chainWithBranches());
    for (long seed = 1; seed <= 40; seed++) {
      graphs.add(random(seed));
    }
    return graphs;
  }

  @Test
  void nodeAndLabelBoxesNeverOverlap() {
    for (Graph g : samples()) {
      Layout layout = LayeredLayout.layout(g, "n0");
      List<Layout.Box> boxes = new ArrayList<>(layout.nodes().values());
      for (Layout.Route route : layout.edges()) {
        if (route.label() != null) {
          boxes.add(route.label());
        }
      }
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          assertThat(boxes.get(i).overlaps(boxes.get(j)))
              .as("%s and %s", boxes.get(i), boxes.get(j))
              .isFalse();
        }
      }
    }
  }

  @Test
  void everythingFitsOnTheCanvas() {
    for (Graph g : samples()) {
      Layout layout = LayeredLayout.layout(g, null);
      for (Layout.Box b : layout.nodes().values()) {
        assertThat(b.x()).isGreaterThanOrEqualTo(0);
        assertThat(b.y()).isGreaterThanOrEqualTo(0);
        assertThat(b.x() + b.width()).isLessThanOrEqualTo(layout.width());
        assertThat(b.y() + b.height()).isLessThanOrEqualTo(layout.height());
      }
      for (Layout.Route route : layout.edges()) {
        if (route.label() != null) {
          assertThat(route.label().x() + route.label().width()).isLessThanOrEqualTo(layout.width());
        }
      }
    }
  }

  @Test
  void everyEdgeIsRoutedFromItsSourceToItsTarget() {
    for (Graph g : samples()) {
      Layout layout = LayeredLayout.layout(g, "n0");
      assertThat(layout.edges()).hasSize(g.edges().size());
      for (int i = 0; i < g.edges().size(); i++) {
        Graph.Edge edge = g.edges().get(i);
        Layout.Route route = layout.edges().get(i);
        assertThat(route.from()).isEqualTo(edge.from());
        assertThat(route.to()).isEqualTo(edge.to());
        assertThat(route.selfLoop()).isEqualTo(edge.selfLoop());
        assertThat(route.points().size()).isGreaterThanOrEqualTo(2);
        assertThat(onBorder(layout.nodes().get(edge.from()), route.points().get(0))).isTrue();
        Layout.Point end = route.points().get(route.points().size() - 1);
        assertThat(onBorder(layout.nodes().get(edge.to()), end)).as("%s", route).isTrue();
        assertThat(route.label() != null).isEqualTo(edge.labelled());
      }
    }
  }

  @Test
  void theSameGraphGivesTheSameLayout() {
    for (long seed = 1; seed <= 10; seed++) {
      assertThat(LayeredLayout.layout(random(seed), "n0"))
          .isEqualTo(LayeredLayout.layout(random(seed), "n0"));
    }
  }

  @Test
  void theRootIsOnTopAndEdgesGoDownExceptBackEdges() {
    Layout layout = LayeredLayout.layout(chainWithBranches(), "A");
    double top = layout.nodes().get("A").y();
    for (Layout.Box b : layout.nodes().values()) {
      assertThat(b.y()).isGreaterThanOrEqualTo(top);
    }
    assertThat(layout.nodes().get("B").y()).isGreaterThan(top);
    assertThat(layout.nodes().get("E").y()).isGreaterThan(layout.nodes().get("D").y());
    Layout.Route back = layout.edges().get(5);
    assertThat(back.points().get(0).y())
        .isGreaterThan(back.points().get(back.points().size() - 1).y());
  }

  @Test
  void selfLoopsAreArcsOnTheRightWithTheirLabelBeside() {
    Layout layout = LayeredLayout.layout(chainWithBranches(), "A");
    Layout.Box c = layout.nodes().get("C");
    Layout.Route loop = layout.edges().get(6);
    assertThat(loop.selfLoop()).isTrue();
    assertThat(loop.points()).hasSize(4);
    assertThat(loop.label().x()).isGreaterThan(c.x() + c.width());
  }

  @Test
  void anObviousCrossingIsUndone() {
    Graph g =
        new Graph()
            .node("a", 50, 30)
            .node("b", 50, 30)
            .node("x", 50, 30)
            .node("y", 50, 30)
            .edge("a", "y", 0, 0)
            .edge("b", "x", 0, 0);
    Ranking ranking = new Ranking(g, null);
    List<List<Vertex>> ranks = new ArrayList<>();
    for (int r = 0; r < ranking.rankCount; r++) {
      ranks.add(new ArrayList<>());
    }
    for (Vertex v : ranking.real) {
      ranks.get(v.rank).add(v);
    }
    for (List<Vertex> chain : ranking.chains) {
      for (Vertex v : chain.subList(1, chain.size() - 1)) {
        ranks.get(v.rank).add(v);
      }
    }
    assertThat(Ordering.crossings(numbered(ranks))).isPositive();
    assertThat(Ordering.apply(ranks, 4)).isZero();
  }

  @Test
  void anEmptyGraphHasAnEmptyLayout() {
    Layout layout = LayeredLayout.layout(new Graph(), null);
    assertThat(layout.nodes()).isEmpty();
    assertThat(layout.edges()).isEmpty();
  }

  private static List<List<Vertex>> numbered(List<List<Vertex>> ranks) {
    for (List<Vertex> rank : ranks) {
      for (int i = 0; i < rank.size(); i++) {
        rank.get(i).order = i;
      }
    }
    return ranks;
  }

  private static boolean onBorder(Layout.Box b, Layout.Point p) {
    double e = 0.01;
    boolean inside =
        p.x() >= b.x() - e && p.x() <= b.x() + b.width() + e
            && p.y() >= b.y() - e && p.y() <= b.y() + b.height() + e;
    boolean edge =
        Math.abs(p.x() - b.x()) < e || Math.abs(p.x() - b.x() - b.width()) < e
            || Math.abs(p.y() - b.y()) < e || Math.abs(p.y() - b.y() - b.height()) < e;
    return inside && edge;
  }
}
