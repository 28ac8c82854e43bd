package dev.xcomponent.adapter.http.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks cycles and assigns ranks. A depth-first search from the root (then from every node not
 * yet seen, in input order) marks the edges that close a cycle; they are laid out reversed. Layers
 * follow the longest path from the sources; a node of layer {@code l} goes to rank {@code 2l}, and
 * the odd ranks between hold the edges' virtual vertices, the first of which (seen from the edge's
 * real source) carries the label box.
 */
final class Ranking {
  /** Size of the virtual vertex of an unlabelled edge. */
  static final double THIN = 2;

  final List<Vertex> real = new ArrayList<>();
  /** Per input edge: its vertices in layout order (top to bottom); null for a self-loop. */
  final List<List<Vertex>> chains = new ArrayList<>();
  /** Per input edge: the chain index of its label vertex, or -1. */
  final int[] labelAt;

  final boolean[] reversed;
  final int rankCount;
  /** Real nodes in topological order of the layout direction. */
  final int[] topological;

  Ranking(Graph graph, String root) {
    List<Graph.Node> nodes = graph.nodes();
    List<Graph.Edge> edges = graph.edges();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    int n = nodes.size();
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    for (int e = 0; e < edges.size(); e++) {
      Graph.Edge edge = edges.get(e);
      if (!edge.selfLoop()) {
        out.get(index.get(edge.from())).add(e);
      }
    }
    reversed = new boolean[edges.size()];
    markBackEdges(edges, index, out, root == null ? null : index.get(root));

    int[] from = new int[edges.size()];
    int[] to = new int[edges.size()];
    int[] indegree = new int[n];
    List<List<Integer>> layoutOut = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      layoutOut.add(new ArrayList<>());
    }
    for (int e = 0; e < edges.size(); e++) {
      Graph.Edge edge = edges.get(e);
      int a = index.get(edge.from());
      int b = index.get(edge.to());
      from[e] = reversed[e] ? b : a;
      to[e] = reversed[e] ? a : b;
      if (a != b) {
        layoutOut.get(from[e]).add(e);
        indegree[to[e]]++;
      }
    }
    int[] layer = new int[n];
    topological = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int count = 0;
    while (!ready.isEmpty()) {
      int u = ready.poll();
      topological[count++] = u;
      for (int e : layoutOut.get(u)) {
        layer[to[e]] = Math.max(layer[to[e]], layer[u] + 1);
        if (--indegree[to[e]] == 0) {
          ready.add(to[e]);
        }
      }
    }
    int maxLayer = Arrays.stream(layer).max().orElse(0);
    rankCount = 2 * maxLayer + 1;
    for (int i = 0; i < n; i++) {
      Graph.Node node = nodes.get(i);
      real.add(new Vertex(i, node.width(), node.height(), 2 * layer[i]));
    }
    labelAt = new int[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      Graph.Edge edge = edges.get(e);
      labelAt[e] = -1;
      if (edge.selfLoop()) {
        chains.add(null);
        continue;
      }
      chains.add(chain(edge, e, layer[from[e]], layer[to[e]], from[e], to[e]));
    }
  }

  private List<Vertex> chain(Graph.Edge edge, int e, int fromLayer, int toLayer, int a, int b) {
    List<Vertex> chain = new ArrayList<>();
    chain.add(real.get(a));
    int firstRank = 2 * fromLayer + 1;
    int lastRank = 2 * toLayer - 1;
    int labelRank = reversed[e] ? lastRank : firstRank;
    for (int r = firstRank; r <= lastRank; r++) {
      boolean label = r == labelRank && edge.labelled();
      Vertex v =
          label
              ? new Vertex(-1, edge.labelWidth(), edge.labelHeight(), r)
              : new Vertex(-1, THIN, THIN, r);
      if (label) {
        labelAt[e] = chain.size();
      }
      chain.add(v);
    }
    chain.add(real.get(b));
    for (int i = 1; i < chain.size(); i++) {
      Vertex.link(chain.get(i - 1), chain.get(i));
    }
    return chain;
  }

  /** Iterative depth-first search; an edge into a node still on the stack closes a cycle. */
  private void markBackEdges(
      List<Graph.Edge> edges, Map<String, Integer> index, List<List<Integer>> out, Integer root) {
    int n = out.size();
    int[] state = new int[n];
    int[] next = new int[n];
    List<Integer> starts = new ArrayList<>();
    if (root != null) {
      starts.add(root);
    }
    for (int i = 0; i < n; i++) {
      starts.add(i);
    }
    Deque<Integer> stack = new ArrayDeque<>();
    for (int s : starts) {
      if (state[s] != 0) {
        continue;
      }
      state[s] = 1;
      stack.push(s);
      while (!stack.isEmpty()) {
        int u = stack.peek();
        if (next[u] < out.get(u).size()) {
          int e = out.get(u).get(next[u]++);
          int v = index.get(edges.get(e).to());
          if (state[v] == 1) {
            reversed[e] = true;
          } else if (state[v] == 0) {
            state[v] = 1;
            stack.push(v);
          }
        } else {
          state[u] = 2;
          stack.pop();
        }
      }
    }
  }
}
