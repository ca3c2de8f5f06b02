package org.cratesim.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How cargo is invoked, and which cargo.
 *
 * @param jobs {@code -j}: jobserver tokens, cargo's implicit one included
 * @param mode check, debug or release
 * @param startupS cargo's time before the first unit starts (resolution, fingerprints)
 * @param scheduling how the dependency queue ranks ready units
 * @param cargo the cargo release whose rules apply (domain notes A10); a page's own by default
 * @param pendingQueue which ready unit starts first; empty = the rule of {@code cargo}
 * @param costFactors scheduling hints: a crate's units cost this many times a plain unit in the
 *     dependency queue (cargo #7437); crates not named cost 1×
 */
public record BuildSettings(
    int jobs,
    Mode mode,
    double startupS,
    SchedulingPolicy scheduling,
    CargoVersion cargo,
    Optional<PendingQueue> pendingQueue,
    Map<String, Double> costFactors) {
  public BuildSettings {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, was " + jobs);
    }
    Objects.requireNonNull(mode, "mode");
    Phases.requireTime("startup_s", startupS);
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(cargo, "cargo");
    Objects.requireNonNull(pendingQueue, "pendingQueue");
    costFactors = Collections.unmodifiableMap(new TreeMap<>(costFactors));
  }

  /** cargo 1.95's rules, no hints. */
  public BuildSettings(int jobs, Mode mode, double startupS, SchedulingPolicy scheduling) {
    this(jobs, mode, startupS, scheduling, CargoVersion.DEFAULT, Optional.empty(), Map.of());
  }

  /** The pending-queue rule in effect: the one set, else that of the cargo release. */
  public PendingQueue pendingQueueInEffect() {
    return pendingQueue.orElse(PendingQueue.of(cargo));
  }

  /** The dependency-queue cost factor of a crate (1 unless hinted). */
  public double costFactor(String crate) {
    return costFactors.getOrDefault(crate, 1.0);
  }

  public BuildSettings withJobs(int j) {
    return new BuildSettings(j, mode, startupS, scheduling, cargo, pendingQueue, costFactors);
  }

  public BuildSettings withMode(Mode m) {
    return new BuildSettings(jobs, m, startupS, scheduling, cargo, pendingQueue, costFactors);
  }

  public BuildSettings withStartup(double s) {
    return new BuildSettings(jobs, mode, s, scheduling, cargo, pendingQueue, costFactors);
  }

  public BuildSettings withScheduling(SchedulingPolicy p) {
    return new BuildSettings(jobs, mode, startupS, p, cargo, pendingQueue, costFactors);
  }

  public BuildSettings withCargo(CargoVersion v) {
    return new BuildSettings(jobs, mode, startupS, scheduling, v, pendingQueue, costFactors);
  }

  public BuildSettings withPendingQueue(PendingQueue q) {
    return new BuildSettings(jobs, mode, startupS, scheduling, cargo, Optional.of(q), costFactors);
  }

  /** The crates' units cost {@code factor} times a plain unit (on top of earlier hints). */
  public BuildSettings withCostHints(List<String> crates, double factor) {
    Map<String, Double> m = new TreeMap<>(costFactors);
    for (String c : crates) {
      m.merge(c, factor, (a, b) -> a * b);
    }
    return new BuildSettings(jobs, mode, startupS, scheduling, cargo, pendingQueue, m);
  }
}
