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
    ProfileSettings profile,
    CostRates costs,
    Rebuild rebuild,
    List<StrategyDecl> strategies,
    List<CrateSpec> crates) {
  public Scenario {
    Objects.requireNonNull(rebuild, "rebuild");
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(rustc, "rustc");
    crates = List.copyOf(crates);
  }

  /** A scenario with default profile and the shipped cost rates. */
  public Scenario(
      String name,
      String source,
      BuildSettings build,
      MachineSettings machine,
      RustcSettings rustc,
      List<CrateSpec> crates) {
    this(
        name,
        source,
        build,
        machine,
        rustc,
        ProfileSettings.DEFAULT,
        CostRates.shipped(),
        Rebuild.CLEAN,
        List.of(),
        crates);
  }

  /** A clean build. */
  public Scenario(
      String name,
      String source,
      BuildSettings build,
      MachineSettings machine,
      RustcSettings rustc,
      ProfileSettings profile,
      CostRates costs,
      List<CrateSpec> crates) {
    this(name, source, build, machine, rustc, profile, costs, Rebuild.CLEAN, List.of(), crates);
  }

  public Scenario withStrategies(List<StrategyDecl> s) {
    return new Scenario(name, source, build, machine, rustc, profile, costs, rebuild, s, crates);
  }

  public Scenario withRebuild(Rebuild r) {
    return new Scenario(name, source, build, machine, rustc, profile, costs, r, strategies, crates);
  }

  public Scenario withBuild(BuildSettings b) {
    return new Scenario(
        name, source, b, machine, rustc, profile, costs, rebuild, strategies, crates);
  }

  public Scenario withMachine(MachineSettings m) {
    return new Scenario(name, source, build, m, rustc, profile, costs, rebuild, strategies, crates);
  }

  public Scenario withRustc(RustcSettings r) {
    return new Scenario(
        name, source, build, machine, r, profile, costs, rebuild, strategies, crates);
  }

  public Scenario withProfile(ProfileSettings p) {
    return new Scenario(name, source, build, machine, rustc, p, costs, rebuild, strategies, crates);
  }

  public Scenario withCosts(CostRates c) {
    return new Scenario(
        name, source, build, machine, rustc, profile, c, rebuild, strategies, crates);
  }

  public Scenario withCrates(List<CrateSpec> cs) {
    return new Scenario(
        name, source, build, machine, rustc, profile, costs, rebuild, strategies, cs);
  }

  public Scenario withName(String n) {
    return new Scenario(
        n, source, build, machine, rustc, profile, costs, rebuild, strategies, crates);
  }
}
