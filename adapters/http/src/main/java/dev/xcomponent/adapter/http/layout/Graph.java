package dev.xcomponent.adapter.http.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to lay out: sized nodes in a fixed order and directed edges between them, each with an
 * optional label box. Parallel edges are kept apart; callers that want one arrow per pair merge
 * them first.
 */
public final class Graph {
  /**
   * A node.
   *
   * @param id unique id
   * @param width box width
   * @param height box height
   */
  public record Node(String id, double width, double height) {
    public Node {
      Objects.requireNonNull(id, "id");
      if (!(width > 0) || !(height > 0)) {
        throw new IllegalArgumentException("node " + id + " needs a positive size");
      }
    }
  }

  /**
   * An edge.
   *
   * @param from source node id
   * @param to target node id
   * @param labelWidth width of its label box, 0 when unlabelled
   * @param labelHeight height of its label box, 0 when unlabelled
   */
  public record Edge(String from, String to, double labelWidth, double labelHeight) {
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      labelWidth = Math.max(0, labelWidth);
      labelHeight = Math.max(0, labelHeight);
    }

    /** True when the edge leaves and enters the same node. */
    public boolean selfLoop() {
      return from.equals(to);
    }

    /** True when the edge has a label box. */
    public boolean labelled() {
      return labelWidth > 0 && labelHeight > 0;
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  /** Adds a node; ids must be unique. */
  public Graph node(String id, double width, double height) {
    if (nodes.putIfAbsent(id, new Node(id, width, height)) != null) {
      throw new IllegalArgumentException("duplicate node " + id);
    }
    return this;
  }

  /** Adds an edge between two nodes already added. */
  public Graph edge(String from, String to, double labelWidth, double labelHeight) {
    if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
      throw new IllegalArgumentException("edge " + from + " -> " + to + " names an unknown node");
    }
    edges.add(new Edge(from, to, labelWidth, labelHeight));
    return this;
  }

  /** The nodes, in the order they were added. */
  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The edges, in the order they were added. */
  public List<Edge> edges() {
    return Collections.unmodifiableList(edges);
  }

  /** True when a node has this id. */
  public boolean has(String id) {
    return nodes.containsKey(id);
  }
}
