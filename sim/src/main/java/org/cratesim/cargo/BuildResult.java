package org.cratesim.cargo;

import java.util.List;
import org.cratesim.model.Mode;

/**
 * The outcome of one simulated build.
 *
 * @param wallNanos predicted wall time: cargo start-up until the last unit finished
 * @param dependencyBoundNanos lower bound: longest dependency chain with unlimited tokens
 * @param workNanos total single-threaded work of all units
 * @param startupNanos cargo's start-up time
 * @param jobs {@code -j}
 * @param mode build mode
 * @param units per-unit timings, by unit index
 * @param criticalChain the simulated critical path, first link first
 * @param concurrency cargo's concurrency series
 * @param busyThreadNanos integral of busy threads over time
 * @param maxThreads the most threads busy at once
 * @param events events the simulation fired
 */
public record BuildResult(
    long wallNanos,
    long dependencyBoundNanos,
    long workNanos,
    long startupNanos,
    int jobs,
    Mode mode,
    List<UnitData> units,
    List<ChainLink> criticalChain,
    List<ConcurrencySample> concurrency,
    double busyThreadNanos,
    int maxThreads,
    long events) {
  public BuildResult {
    units = List.copyOf(units);
    criticalChain = List.copyOf(criticalChain);
    // a build's own log is already read-only: no need to copy it into records
    concurrency =
        ConcurrencyLog.isReadOnlyView(concurrency) ? concurrency : List.copyOf(concurrency);
  }

  /** Lower bound from total work: start-up + work ÷ jobs. */
  public long workBoundNanos() {
    return startupNanos + (workNanos + jobs - 1) / jobs;
  }

  /** Busy thread-time ÷ (jobs × time after start-up). */
  public double utilisation() {
    long span = wallNanos - startupNanos;
    return span <= 0 ? 0 : busyThreadNanos / ((double) jobs * span);
  }
}
