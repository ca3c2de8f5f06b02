package org.cratesim.model;

import java.util.List;

/**
 * A crate's build script: compiling {@code build.rs} (a host binary) and running it.
 *
 * @param compile the cost of compiling the script
 * @param runS the time the script runs
 * @param deps build-dependencies (crate names), which the compile waits for in full
 */
public record BuildScriptSpec(Phases compile, double runS, List<String> deps) {
  public BuildScriptSpec {
    Phases.requireTime("run_s", runS);
    deps = List.copyOf(deps);
  }
}
