package org.cratesim.cargo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Port of cargo's {@code DependencyQueue} (src/util/dependency_queue.rs) over a {@link UnitGraph}.
 *
 * <ul>
 *   <li>{@link #queueFinished()} computes priority(n) = cost(n) + Σ cost(k) over depth(n), where
 *       depth(n) is n itself plus every unit that transitively depends on n, so n's own cost counts
 *       twice (cargo's test {@code deep_first_equal_cost}: chain 1→2→4→5 with cost 1 gives node 1
 *       priority 5).
 *   <li>{@link #dequeue()} returns a ready unit (no unfinished edges) of highest priority.
 *       <b>Deliberate deviation:</b> cargo takes {@code max_by_key} over a {@code HashMap}, so its
 *       ties are effectively arbitrary; here ties go to the lowest unit index, so runs are
 *       reproducible.
 *   <li>{@link #finish(int, Artifact)} marks an artifact of a unit produced and returns the units
 *       that became ready.
 *   <li>cargo's {@code JobQueue::enqueue} gives a unit that {@code requires_upstream_objects}
 *       synthetic All edges to every transitive dependency ({@code depend_on_deps_of_deps}). Here
 *       the graph keeps direct edges only, and such a unit's edge to a dependency d is satisfied
 *       when d is <em>fully done</em>: d finished and every dependency of d fully done. That is the
 *       same condition, kept incrementally in linear memory.
 * </ul>
 *
 * <p>The transitive-dependent sets are computed exactly with bit sets, one block of at most a few
 * thousand target units at a time, so memory stays bounded (about 64 MiB) on graphs of 100,000
 * units while small graphs take a single pass.
 */
public final class DependencyQueue {
  /** Bit-set words kept in memory at once while computing priorities. */
  private static final long WORD_BUDGET = 8L << 20;

  private final UnitGraph graph;
  private final long[] cost;
  private final long[] priority;
  private final int[] pendingEdges;
  private final boolean[] finishedMetadata;
  private final boolean[] finishedAll;
  private final boolean[] fullyDone;
  private final int[] depsNotFullyDone;
  private final PriorityQueue<Integer> ready;
  private int remaining;
  private boolean finished;

  /** Queues every unit of the graph with the given per-unit cost (cargo's {@code queue}). */
  public DependencyQueue(UnitGraph graph, long[] cost) {
    this.graph = graph;
    int n = graph.size();
    if (cost.length != n) {
      throw new IllegalArgumentException("one cost per unit");
    }
    this.cost = cost.clone();
    this.priority = new long[n];
    this.pendingEdges = new int[n];
    this.finishedMetadata = new boolean[n];
    this.finishedAll = new boolean[n];
    this.fullyDone = new boolean[n];
    this.depsNotFullyDone = new int[n];
    this.ready =
        new PriorityQueue<>(
            Math.max(1, n),
            (a, b) -> {
              int c = Long.compare(priority[b], priority[a]);
              return c != 0 ? c : Integer.compare(a, b);
            });
    for (int i = 0; i < n; i++) {
      pendingEdges[i] = graph.deps(i).size();
      depsNotFullyDone[i] = graph.deps(i).size();
    }
    this.remaining = n;
  }

  /** Computes priorities and makes the units without dependencies ready. */
  public void queueFinished() {
    boolean uniform = true;
    for (int i = 1; i < cost.length && uniform; i++) {
      uniform = cost[i] == cost[0];
    }
    if (uniform && cost.length > 0) {
      System.arraycopy(graph.uniformPriorities(cost[0]), 0, priority, 0, cost.length);
    } else {
      computePriorities(graph, cost, priority);
    }
    for (int i = 0; i < graph.size(); i++) {
      if (pendingEdges[i] == 0) {
        ready.add(i);
      }
    }
    finished = true;
  }

  /** The priority of a unit (valid after {@link #queueFinished()}). */
  public long priority(int unit) {
    return priority[unit];
  }

  /** A copy of all priorities. */
  public long[] priorities() {
    return priority.clone();
  }

  /** Removes and returns the ready unit of highest priority, or -1 when none is ready. */
  public int dequeue() {
    if (!finished) {
      throw new IllegalStateException("queueFinished() not called");
    }
    Integer u = ready.poll();
    if (u == null) {
      return -1;
    }
    remaining--;
    return u;
  }

  /** True when every unit has been dequeued. */
  public boolean isEmpty() {
    return remaining == 0;
  }

  /** Number of units ready but not yet dequeued. */
  public int readyCount() {
    return ready.size();
  }

  /**
   * Marks {@code artifact} of {@code unit} as produced; returns the units that became ready, in
   * index order. Finishing ALL also finishes METADATA if it was not reported separately.
   */
  public List<Integer> finish(int unit, Artifact artifact) {
    List<Integer> unblocked = new ArrayList<>(2);
    if (artifact == Artifact.ALL && !finishedMetadata[unit]) {
      release(unit, Artifact.METADATA, unblocked);
    }
    release(unit, artifact, unblocked);
    if (artifact == Artifact.ALL && depsNotFullyDone[unit] == 0) {
      markFullyDone(unit, unblocked);
    }
    if (unblocked.size() > 1) {
      unblocked.sort(null);
    }
    return unblocked;
  }

  private void release(int unit, Artifact artifact, List<Integer> unblocked) {
    boolean[] done = artifact == Artifact.ALL ? finishedAll : finishedMetadata;
    if (done[unit]) {
      return;
    }
    done[unit] = true;
    int[] users = graph.dependentUnits(unit);
    boolean[] needsAll = graph.dependentNeedsAll(unit);
    boolean all = artifact == Artifact.ALL;
    for (int k = 0; k < users.length; k++) {
      if (needsAll[k] == all && !graph.requiresUpstreamObjects(users[k])) {
        satisfyEdge(users[k], unblocked);
      }
    }
  }

  /** {@code unit} and everything below it are finished: propagate up, satisfying sync edges. */
  private void markFullyDone(int unit, List<Integer> unblocked) {
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    fullyDone[unit] = true;
    todo.add(unit);
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int y : graph.dependentUnits(x)) {
        if (graph.requiresUpstreamObjects(y)) {
          satisfyEdge(y, unblocked);
        }
        if (--depsNotFullyDone[y] == 0 && finishedAll[y] && !fullyDone[y]) {
          fullyDone[y] = true;
          todo.add(y);
        }
      }
    }
  }

  private void satisfyEdge(int dependent, List<Integer> unblocked) {
    if (--pendingEdges[dependent] == 0) {
      ready.add(dependent);
      unblocked.add(dependent);
    }
  }

  /**
   * priority(n) = cost(n) + Σ_{k ∈ {n} ∪ transitive dependents(n)} cost(k). Exact, by bit-set
   * reachability over blocks of target units; units are in topological order, so dependents have
   * higher indices and a reverse sweep propagates sets.
   */
  static void computePriorities(UnitGraph graph, long[] cost, long[] out) {
    int n = graph.size();
    for (int i = 0; i < n; i++) {
      out[i] = cost[i];
    }
    if (n == 0) {
      return;
    }
    boolean uniform = true;
    for (int i = 1; i < n; i++) {
      uniform &= cost[i] == cost[0];
    }
    int totalWords = (n + 63) >>> 6;
    int words = (int) Math.max(1, Math.min(totalWords, WORD_BUDGET / n));
    int blockBits = words << 6;
    long[] bits = new long[(int) Math.min((long) n * words, Integer.MAX_VALUE - 8)];
    // Bit-sliced costs for the weighted case: slice s has the units whose cost has bit s set.
    int slices = 0;
    long[][] sliceMasks = null;
    if (!uniform) {
      long max = Arrays.stream(cost).max().orElse(0);
      if (Arrays.stream(cost).anyMatch(c -> c < 0)) {
        throw new IllegalArgumentException("costs must be >= 0");
      }
      slices = 64 - Long.numberOfLeadingZeros(Math.max(1, max));
      sliceMasks = new long[slices][words];
    }
    for (int blockStart = 0; blockStart < n; blockStart += blockBits) {
      int blockEnd = Math.min(n, blockStart + blockBits);
      if (!uniform) {
        for (long[] m : sliceMasks) {
          Arrays.fill(m, 0);
        }
        for (int k = blockStart; k < blockEnd; k++) {
          int b = k - blockStart;
          for (int s = 0; s < slices; s++) {
            if ((cost[k] >>> s & 1) != 0) {
              sliceMasks[s][b >>> 6] |= 1L << (b & 63);
            }
          }
        }
      }
      Arrays.fill(bits, 0, blockEnd * words, 0L);
      for (int v = blockEnd - 1; v >= 0; v--) {
        int row = v * words;
        if (v >= blockStart) {
          int b = v - blockStart;
          bits[row + (b >>> 6)] |= 1L << (b & 63);
        }
        for (UnitDep d : graph.dependents(v)) {
          int dRow = d.unit() * words;
          if (d.unit() < blockEnd) {
            for (int w = 0; w < words; w++) {
              bits[row + w] |= bits[dRow + w];
            }
          }
        }
        if (uniform) {
          long count = 0;
          for (int w = 0; w < words; w++) {
            count += Long.bitCount(bits[row + w]);
          }
          out[v] += count * cost[0];
        } else {
          long sum = 0;
          for (int s = 0; s < slices; s++) {
            long count = 0;
            long[] mask = sliceMasks[s];
            for (int w = 0; w < words; w++) {
              count += Long.bitCount(bits[row + w] & mask[w]);
            }
            sum += count << s;
          }
          out[v] += sum;
        }
      }
    }
  }
}
