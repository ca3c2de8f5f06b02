package org.cratesim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;

/**
 * A sweep in a form that travels to other machines (Java serialization): the scenario as its TOML
 * text and the sweep's settings. A worker turns it back into the sweep once ({@link #work()}, kept
 * for every task that JVM runs) and computes rows with the same function as a local run, so a row
 * depends on (seed, point, replication) alone, never on the machine, partition or attempt.
 */
public final class SweepRecipe implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String scenarioToml;
  private final String source;
  private final LinkedHashMap<String, ArrayList<String>> parameters;
  private final int replications;
  private final long seed;
  private final double[] noise;
  private final boolean commonRandomNumbers;
  private transient volatile SweepWork work;

  private SweepRecipe(SweepSpec s) {
    scenarioToml = ScenarioWriter.write(s.scenario(), List.of());
    source = s.scenario().source();
    parameters = new LinkedHashMap<>();
    s.parameters().forEach((k, v) -> parameters.put(k, new ArrayList<>(v)));
    replications = s.replications();
    seed = s.seed();
    Noise n = s.noise();
    noise = new double[] {n.buildCv(), n.frontendCv(), n.codegenCv(), n.linkCv()};
    commonRandomNumbers = s.commonRandomNumbers();
  }

  /**
   * The recipe of a sweep; an {@link IllegalArgumentException} when its scenario does not read back
   * as the same scenario from its TOML text (a worker would simulate another build).
   */
  public static SweepRecipe of(SweepSpec s) {
    SweepRecipe r = new SweepRecipe(s);
    if (!withoutLines(r.spec().scenario()).equals(withoutLines(s.scenario()))) {
      throw new IllegalArgumentException(
          s.scenario().name() + ": the scenario does not survive writing and reading back as TOML");
    }
    return r;
  }

  /** The scenario with no crate's line in its file (the TOML text read back has its own). */
  private static Scenario withoutLines(Scenario sc) {
    List<CrateSpec> crates = new ArrayList<>();
    for (CrateSpec c : sc.crates()) {
      crates.add(
          new CrateSpec(
              c.name(),
              c.version(),
              c.kind(),
              c.deps(),
              c.phases(),
              c.size(),
              c.buildScript(),
              c.builtFor(),
              0));
    }
    return new Scenario(
        sc.name(),
        sc.source(),
        sc.build(),
        sc.machine(),
        sc.rustc(),
        sc.profile(),
        sc.costs(),
        sc.rebuild(),
        sc.strategies(),
        crates);
  }

  /** The sweep, read back from the recipe. */
  public SweepSpec spec() {
    Scenario sc;
    try {
      sc = ScenarioReader.parse(scenarioToml, source);
    } catch (ScenarioException e) {
      throw new IllegalStateException("a sweep's scenario does not read back: " + e.getMessage());
    }
    LinkedHashMap<String, List<String>> p = new LinkedHashMap<>();
    parameters.forEach((k, v) -> p.put(k, List.copyOf(v)));
    return new SweepSpec(
        sc,
        p,
        replications,
        seed,
        new Noise(noise[0], noise[1], noise[2], noise[3]),
        commonRandomNumbers);
  }

  /** The sweep ready to run (built once per recipe object: once per JVM that receives it). */
  public SweepWork work() {
    SweepWork w = work;
    if (w == null) {
      synchronized (this) {
        w = work;
        if (w == null) {
          w = SweepWork.of(spec());
          work = w;
        }
      }
    }
    return w;
  }

  /** What {@link SweepSpec#describe()} says of the sweep this recipe reads back as. */
  public String describe() {
    return spec().describe();
  }

  /** Number of design points. */
  public int points() {
    int n = 1;
    for (List<String> v : parameters.values()) {
      n *= v.size();
    }
    return n;
  }

  @Override
  public String toString() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    parameters.forEach((k, v) -> sizes.put(k, v.size()));
    return "SweepRecipe" + sizes + " x " + replications;
  }
}
