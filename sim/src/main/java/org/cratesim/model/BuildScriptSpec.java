package org.cratesim.model;

import java.util.List;

/**
 * A crate's build script: compiling {@code build.rs} (a host binary) and running it.
 *
 * @param compile the cost of compiling the script
 * @param runS the time the script runs (single-threaded)
 * @param runParallelShare the share of the run that is independent jobs on jobserver tokens (a
 *     build script that compiles C with the {@code cc} crate runs one compiler per file, each on a
 *     token); 0 for scripts that only probe the environment
 * @param deps build-dependencies (crate names), which the compile waits for in full
 */
public record BuildScriptSpec(
    Phases compile, double runS, double runParallelShare, List<String> deps) {
  /** Jobs a parallel run is split into (C files compiled by one script, typically dozens). */
  public static final int RUN_JOBS = 32;

  public BuildScriptSpec {
    Phases.requireTime("run_s", runS);
    if (!(runParallelShare >= 0 && runParallelShare <= 1)) {
      throw new IllegalArgumentException(
          "run_parallel_share must be in [0, 1], was " + runParallelShare);
    }
    deps = List.copyOf(deps);
  }

  /** A script whose run is single-threaded. */
  public BuildScriptSpec(Phases compile, double runS, List<String> deps) {
    this(compile, runS, 0, deps);
  }
}
