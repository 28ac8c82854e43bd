package dev.xcomponent.adapter.http.layout;

import java.util.List;
import java.util.Map;

/**
 * The result of a layout: a canvas size, one box per node (in input order) and one route per edge
 * (in input order). Coordinates grow right and down from the top-left corner.
 *
 * @param width canvas width
 * @param height canvas height
 * @param nodes node id to its box
 * @param edges the routes, index for index with the input edges
 */
public record Layout(double width, double height, Map<String, Box> nodes, List<Route> edges) {
  public Layout {
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    edges = List.copyOf(edges);
  }

  /** A point. */
  public record Point(double x, double y) {}

  /**
   * A rectangle given by its top-left corner and size.
   *
   * @param x left
   * @param y top
   * @param width width
   * @param height height
   */
  public record Box(double x, double y, double width, double height) {
    /** The centre. */
    public Point center() {
      return new Point(x + width / 2, y + height / 2);
    }

    /** True when the two boxes share some area. */
    public boolean overlaps(Box o) {
      return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }
  }

  /**
   * How an edge is drawn.
   *
   * @param from source node id
   * @param to target node id
   * @param points for an ordinary edge, a polyline from the source's border to the target's
   *     border; for a self-loop, the start, two control points and the end of a cubic curve
   * @param label where its label box goes, or null
   * @param selfLoop whether this is a self-loop
   */
  public record Route(String from, String to, List<Point> points, Box label, boolean selfLoop) {
    public Route {
      points = List.copyOf(points);
    }
  }
}
