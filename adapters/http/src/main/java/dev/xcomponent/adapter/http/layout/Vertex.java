package dev.xcomponent.adapter.http.layout;

import java.util.ArrayList;
import java.util.List;

/** A box in one rank: a real node, or a virtual point of an edge (possibly holding its label). */
final class Vertex {
  /** Index of the real node, or -1 for a virtual vertex. */
  final int node;

  final double width;
  final double height;
  /** Extent left of the centre. */
  double left;
  /** Extent right of the centre (self-loops widen it). */
  double right;

  /** Height the vertex needs in its rank (self-loop labels may need more than the box). */
  double span;

  final int rank;
  int order;
  /** Centre. */
  double x;
  /** Centre. */
  double y;

  /** Neighbours one rank above and one rank below. */
  final List<Vertex> up = new ArrayList<>(2);

  final List<Vertex> down = new ArrayList<>(2);

  Vertex(int node, double width, double height, int rank) {
    this.node = node;
    this.width = width;
    this.height = height;
    this.left = width / 2;
    this.right = width / 2;
    this.span = height;
    this.rank = rank;
  }

  boolean real() {
    return node >= 0;
  }

  static void link(Vertex upper, Vertex lower) {
    upper.down.add(lower);
    lower.up.add(upper);
  }
}
