package org.cratesim.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One crate of the scenario.
 *
 * @param name unique crate name
 * @param version version string (informational, as in cargo's timings)
 * @param kind lib, proc-macro or bin
 * @param deps names of crates it depends on
 * @param phases rustc costs in seconds (all zero, but for codegen_units, when {@code size} is
 *     given)
 * @param size the crate described by its size; the cost model derives its phases
 * @param buildScript the build script, if any
 * @param builtFor in check mode, which sides the crate is built for ({@code host}: in full, for
 *     proc macros and build scripts; {@code target}: checked only); empty = derived from the graph
 * @param line line in the scenario file where it is declared (0 when not from a file)
 */
public record CrateSpec(
    String name,
    String version,
    CrateKind kind,
    List<String> deps,
    Phases phases,
    Optional<CrateSize> size,
    Optional<BuildScriptSpec> buildScript,
    Set<Side> builtFor,
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
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(buildScript, "buildScript");
    builtFor = builtFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(builtFor));
  }

  /** A crate described in seconds whose sides are derived from the graph. */
  public CrateSpec(
      String name,
      String version,
      CrateKind kind,
      List<String> deps,
      Phases phases,
      Optional<BuildScriptSpec> buildScript,
      int line) {
    this(name, version, kind, deps, phases, Optional.empty(), buildScript, Set.of(), line);
  }

  /** A crate described in seconds. */
  public CrateSpec(
      String name,
      String version,
      CrateKind kind,
      List<String> deps,
      Phases phases,
      Optional<BuildScriptSpec> buildScript,
      Set<Side> builtFor,
      int line) {
    this(name, version, kind, deps, phases, Optional.empty(), buildScript, builtFor, line);
  }

  /** True when the crate is described by its size (the cost model gives its phases). */
  public boolean sizeBased() {
    return size.isPresent();
  }

  /** A copy with other dependencies. */
  public CrateSpec withDeps(List<String> newDeps) {
    return new CrateSpec(name, version, kind, newDeps, phases, size, buildScript, builtFor, line);
  }

  /** The two sides a crate can be built for in check mode. */
  public enum Side {
    HOST,
    TARGET;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
