package org.cratesim.model;

import java.util.List;
import java.util.Objects;

/**
 * A complete simulation input: the build invocation, the machine, the rustc model and the crates.
 *
 * @param name a label for reports
 * @param source where it was read from (for messages), or a description
 */
public record Scenario(
    String name,
    String source,
    BuildSettings build,
    MachineSettings machine,
    RustcSettings rustc,
    List<CrateSpec> crates) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(rustc, "rustc");
    crates = List.copyOf(crates);
  }

  public Scenario withBuild(BuildSettings b) {
    return new Scenario(name, source, b, machine, rustc, crates);
  }

  public Scenario withMachine(MachineSettings m) {
    return new Scenario(name, source, build, m, rustc, crates);
  }

  public Scenario withRustc(RustcSettings r) {
    return new Scenario(name, source, build, machine, r, crates);
  }
}
