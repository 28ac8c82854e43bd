package dev.xcomponent.adapter.http.layout;

import java.util.List;

/**
 * Gives every vertex its centre. Ranks are stacked top to bottom, each as tall as its tallest
 * vertex. Inside a rank the order is kept with a minimum gap; then a few passes pull each vertex
 * towards the mean of its neighbours in the rank above (or below), by averaging the left-most and
 * right-most placements that respect the gaps, which straightens edges without reordering.
 */
final class Placement {
  private final double nodeGap;
  private final double virtualGap;
  private final double rankGap;

  Placement(double nodeGap, double virtualGap, double rankGap) {
    this.nodeGap = nodeGap;
    this.virtualGap = virtualGap;
    this.rankGap = rankGap;
  }

  /** Places the vertices; returns {@code {width, height}} of what they cover, margins included. */
  double[] apply(List<List<Vertex>> ranks, int passes, double margin) {
    double top = margin;
    for (List<Vertex> rank : ranks) {
      double height = 4;
      for (Vertex v : rank) {
        height = Math.max(height, v.span);
      }
      for (Vertex v : rank) {
        v.y = top + height / 2;
      }
      top += height + rankGap;
    }
    for (List<Vertex> rank : ranks) {
      double x = 0;
      for (int i = 0; i < rank.size(); i++) {
        Vertex v = rank.get(i);
        x = i == 0 ? v.left : x + gap(rank.get(i - 1), v);
        v.x = x;
      }
    }
    for (int p = 0; p < passes; p++) {
      if (p % 2 == 0) {
        for (int r = 1; r < ranks.size(); r++) {
          straighten(ranks.get(r), true);
        }
      } else {
        for (int r = ranks.size() - 2; r >= 0; r--) {
          straighten(ranks.get(r), false);
        }
      }
    }
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    for (List<Vertex> rank : ranks) {
      for (Vertex v : rank) {
        minX = Math.min(minX, v.x - v.left);
      }
    }
    for (List<Vertex> rank : ranks) {
      for (Vertex v : rank) {
        v.x += margin - minX;
        maxX = Math.max(maxX, v.x + v.right);
      }
    }
    return new double[] {maxX + margin, top - rankGap + margin};
  }

  /** Centre-to-centre distance needed between neighbours {@code a} (left) and {@code b}. */
  double gap(Vertex a, Vertex b) {
    return a.right + (a.real() && b.real() ? nodeGap : virtualGap) + b.left;
  }

  private void straighten(List<Vertex> rank, boolean useUpper) {
    int n = rank.size();
    if (n == 0) {
      return;
    }
    double[] want = new double[n];
    for (int i = 0; i < n; i++) {
      Vertex v = rank.get(i);
      List<Vertex> ns = useUpper ? v.up : v.down;
      if (ns.isEmpty()) {
        want[i] = v.x;
      } else {
        double sum = 0;
        for (Vertex u : ns) {
          sum += u.x;
        }
        want[i] = sum / ns.size();
      }
    }
    double[] leftmost = new double[n];
    for (int i = 0; i < n; i++) {
      leftmost[i] = i == 0 ? want[i] : Math.max(want[i], leftmost[i - 1] + gap(rank.get(i - 1), rank.get(i)));
    }
    double[] rightmost = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      rightmost[i] =
          i == n - 1 ? want[i] : Math.min(want[i], rightmost[i + 1] - gap(rank.get(i), rank.get(i + 1)));
    }
    for (int i = 0; i < n; i++) {
      rank.get(i).x = (leftmost[i] + rightmost[i]) / 2;
    }
  }
}
