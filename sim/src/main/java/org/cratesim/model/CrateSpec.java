package org.cratesim.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One crate of the scenario.
 *
 * @param name unique crate name
 * @param version version string (informational, as in cargo's timings)
 * @param kind lib, proc-macro or bin
 * @param deps names of crates it depends on
 * @param phases rustc costs
 * @param buildScript the build script, if any
 * @param line line in the scenario file where it is declared (0 when not from a file)
 */
public record CrateSpec(
    String name,
    String version,
    CrateKind kind,
    List<String> deps,
    Phases phases,
    Optional<BuildScriptSpec> buildScript,
    int line) {
  public CrateSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("crate name must not be empty");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    deps = List.copyOf(deps);
    Objects.requireNonNull(phases, "phases");
    Objects.requireNonNull(buildScript, "buildScript");
  }
}
