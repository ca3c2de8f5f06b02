package org.cratesim.cargo;

import java.util.List;

/**
 * One unit's simulated timing, with cargo's {@code UnitData} fields (src/compiler/timings). Times
 * are nanoseconds: {@code start} since the build began, the others relative to the unit's start; -1
 * where absent.
 *
 * @param unit the unit
 * @param readyNanos when its last dependency edge was satisfied (or cargo's start-up)
 * @param startNanos when cargo started it
 * @param durationNanos how long it ran
 * @param rmetaNanos when .rmeta was emitted, relative to start (-1 for units that emit none)
 * @param frontendEndNanos end of the front end, relative to start
 * @param codegenEndNanos end of code generation, relative to start (-1 if none)
 * @param unblockedUnits units that became ready when it finished
 * @param unblockedRmetaUnits units that became ready when its .rmeta was emitted
 */
public record UnitData(
    Unit unit,
    long readyNanos,
    long startNanos,
    long durationNanos,
    long rmetaNanos,
    long frontendEndNanos,
    long codegenEndNanos,
    List<Integer> unblockedUnits,
    List<Integer> unblockedRmetaUnits) {
  public UnitData {
    unblockedUnits = List.copyOf(unblockedUnits);
    unblockedRmetaUnits = List.copyOf(unblockedRmetaUnits);
  }

  public long endNanos() {
    return startNanos + durationNanos;
  }
}
