package dev.xcomponent.adapter.http.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Orders the vertices inside each rank to reduce edge crossings: alternate downward sweeps (each
 * vertex sorted by the mean position of its neighbours above) and upward sweeps (neighbours below),
 * keeping the best order seen. Sorting is stable and ties keep the current order, so the result is
 * deterministic.
 */
final class Ordering {
  private Ordering() {}

  /** Reorders {@code ranks} in place over {@code sweeps} sweeps; returns the crossings left. */
  static int apply(List<List<Vertex>> ranks, int sweeps) {
    number(ranks);
    int best = crossings(ranks);
    List<List<Vertex>> bestOrder = copy(ranks);
    for (int s = 0; s < sweeps && best > 0; s++) {
      if (s % 2 == 0) {
        for (int r = 1; r < ranks.size(); r++) {
          sort(ranks.get(r), v -> v.up);
        }
      } else {
        for (int r = ranks.size() - 2; r >= 0; r--) {
          sort(ranks.get(r), v -> v.down);
        }
      }
      int c = crossings(ranks);
      if (c < best) {
        best = c;
        bestOrder = copy(ranks);
      }
    }
    for (int r = 0; r < ranks.size(); r++) {
      ranks.get(r).clear();
      ranks.get(r).addAll(bestOrder.get(r));
    }
    number(ranks);
    return best;
  }

  private static void sort(List<Vertex> rank, Function<Vertex, List<Vertex>> neighbours) {
    double[] key = new double[rank.size()];
    for (int i = 0; i < rank.size(); i++) {
      Vertex v = rank.get(i);
      List<Vertex> ns = neighbours.apply(v);
      if (ns.isEmpty()) {
        key[i] = v.order;
      } else {
        double sum = 0;
        for (Vertex n : ns) {
          sum += n.order;
        }
        key[i] = sum / ns.size();
      }
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < rank.size(); i++) {
      positions.add(i);
    }
    positions.sort(Comparator.comparingDouble((Integer i) -> key[i]).thenComparingInt(i -> i));
    List<Vertex> sorted = new ArrayList<>(rank.size());
    for (int i : positions) {
      sorted.add(rank.get(i));
    }
    rank.clear();
    rank.addAll(sorted);
    for (int i = 0; i < rank.size(); i++) {
      rank.get(i).order = i;
    }
  }

  /** Number of pairs of segments that cross between adjacent ranks. */
  static int crossings(List<List<Vertex>> ranks) {
    int total = 0;
    for (int r = 0; r + 1 < ranks.size(); r++) {
      List<int[]> segments = new ArrayList<>();
      for (Vertex a : ranks.get(r)) {
        for (Vertex b : a.down) {
          segments.add(new int[] {a.order, b.order});
        }
      }
      for (int i = 0; i < segments.size(); i++) {
        for (int j = i + 1; j < segments.size(); j++) {
          int[] s = segments.get(i);
          int[] t = segments.get(j);
          if ((long) (s[0] - t[0]) * (s[1] - t[1]) < 0) {
            total++;
          }
        }
      }
    }
    return total;
  }

  private static void number(List<List<Vertex>> ranks) {
    for (List<Vertex> rank : ranks) {
      for (int i = 0; i < rank.size(); i++) {
        rank.get(i).order = i;
      }
    }
  }

  private static List<List<Vertex>> copy(List<List<Vertex>> ranks) {
    List<List<Vertex>> c = new ArrayList<>();
    for (List<Vertex> rank : ranks) {
      c.add(new ArrayList<>(rank));
    }
    return c;
  }
}
